package nodus.study;

import java.time.Duration;

/**
 * Estimated wall time of a study on this machine (see StudyEstimator): the sum over its runs.
 *
 * @param fromHistory how many of the planned runs were estimated from past runs (the rest: benchmarks)
 */
public record StudyEstimate(Duration total, int fromHistory, int fromBenchmarks) {
    public String describe() {
        long s = total.toSeconds();
        String time = s < 90 ? s + " s" : s < 5400 ? Math.round(s / 60.0) + " min"
                : String.format(java.util.Locale.ROOT, "%.1f h", s / 3600.0);
        return "≈ " + time + " on this machine (" + fromHistory + " runs estimated from past runs here, "
                + fromBenchmarks + " from the benchmark figures)";
    }
}
