package nodus.deeplearning.finetune;

import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics a fine-tuning run logged after one epoch ({@code train_loss}, {@code val_loss}, {@code train_auc},
 * {@code val_auc}, accuracies, timing in s); absent keys were not logged (e.g. no validation part).
 *
 * @param epoch 1-based
 */
public record EpochMetrics(int epoch, Map<String, Double> values) {

    public EpochMetrics {
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch must be ≥ 1, got " + epoch);
        }
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The value of {@code key}, or null when the epoch did not log it. */
    public Double get(String key) {
        return values.get(key);
    }
}
