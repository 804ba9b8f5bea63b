package nodus.registry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nodus.experiment.MetricPoint;
import nodus.experiment.SplitPart;

/**
 * A run's final metrics for the export: the value at step 0 of each key — where every run kind logs its final,
 * statistics-engine metrics, while fine-tuning also logs per-epoch values of the same keys at steps 1…E — or, for a
 * key without a step-0 value, the value at its last step; with its 95 % CI when the run
 * logged {@code <key>_ci_low} / {@code <key>_ci_high} (e.g. {@code test_auc}, DeLong CI), grouped by split part
 * through the key prefix ({@code train_}, {@code val_}, {@code test_}).
 */
record FinalMetrics(Map<String, Value> values) {

    record Value(double value, Double ciLow, Double ciHigh) {
    }

    static FinalMetrics of(List<MetricPoint> points) {
        Map<String, MetricPoint> last = new TreeMap<>();
        for (MetricPoint p : points) {
            last.merge(p.key(), p, (a, b) -> Comparator.comparing((MetricPoint m) -> m.step() == 0)
                    .thenComparingInt(MetricPoint::step)
                    .thenComparing(MetricPoint::recordedAt).compare(a, b) >= 0 ? a : b);
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (var e : last.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("_ci_low") || key.endsWith("_ci_high")) {
                String base = key.substring(0, key.lastIndexOf("_ci_"));
                if (last.containsKey(base)) {
                    continue;
                }
            }
            MetricPoint low = last.get(key + "_ci_low");
            MetricPoint high = last.get(key + "_ci_high");
            values.put(key, new Value(e.getValue().value(), low == null ? null : low.value(),
                    high == null ? null : high.value()));
        }
        return new FinalMetrics(values);
    }

    /** The metrics of one split part, keyed without the part prefix (e.g. {@code auc}). */
    Map<String, Value> part(SplitPart part) {
        String prefix = part.metricPrefix() + "_";
        Map<String, Value> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", v.value());
            if (v.ciLow() != null) {
                m.put("ci_low", v.ciLow());
            }
            if (v.ciHigh() != null) {
                m.put("ci_high", v.ciHigh());
            }
            json.put(k, m);
        });
        return json;
    }
}
