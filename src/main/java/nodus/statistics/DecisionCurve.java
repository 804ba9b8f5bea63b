package nodus.statistics;

import java.util.ArrayList;
import java.util.List;

/** Decision curve analysis (Vickers &amp; Elkin 2006), as dcurves' {@code dca()} without smoothing. */
public final class DecisionCurve {

    private DecisionCurve() {
    }

    /** Net benefit at pt = 0.01, 0.02, …, 0.99 (each the double nearest k/100). */
    public static List<NetBenefit> standard(double[] labels, double[] probabilities) {
        Checks.probabilities(labels, probabilities);
        return standard(BinarySample.of(labels, probabilities));
    }

    /** The sample's scores must already be checked to be probabilities. */
    static List<NetBenefit> standard(BinarySample sample) {
        double[] pts = new double[99];
        for (int k = 1; k <= 99; k++) {
            pts[k - 1] = k / 100.0;
        }
        return at(sample, pts);
    }

    public static List<NetBenefit> at(double[] labels, double[] probabilities, double[] thresholds) {
        Checks.probabilities(labels, probabilities);
        return at(BinarySample.of(labels, probabilities), thresholds);
    }

    static List<NetBenefit> at(BinarySample sample, double[] thresholds) {
        int m = sample.positives();
        int total = sample.size();
        double[] pos = sample.posSorted;
        double[] neg = sample.negSorted;
        double prevalence = (double) m / total;
        List<NetBenefit> out = new ArrayList<>(thresholds.length);
        for (double pt : thresholds) {
            if (!(pt > 0 && pt < 1)) {
                throw new IllegalArgumentException("threshold probability must be in (0, 1), got " + pt);
            }
            int tp = pos.length - Sorted.countBelow(pos, pt);
            int fp = neg.length - Sorted.countBelow(neg, pt);
            double odds = pt / (1 - pt);
            double nb = (double) tp / total - (double) fp / total * odds;
            double all = prevalence - (1 - prevalence) * odds;
            out.add(new NetBenefit(pt, tp, fp, nb, all));
        }
        return out;
    }
}
