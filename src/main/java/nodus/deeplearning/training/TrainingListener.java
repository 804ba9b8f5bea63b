package nodus.deeplearning.training;

import java.util.Map;

/** What a fine-tuning loop reports, and where it asks whether to stop. Every method is called on its thread. */
public interface TrainingListener {

    /** Called before every batch: throw (e.g. the job engine's cancellation) to stop within one batch. */
    default void checkCancelled() {
    }

    /** After every training batch. */
    default void onProgress(TrainingProgress progress) {
    }

    /**
     * After every epoch, with {@code train_loss}, {@code train_accuracy}, {@code train_auc}, {@code val_loss},
     * {@code val_accuracy}, {@code val_auc} and timing ({@code epoch_seconds}, {@code data_fraction}).
     *
     * @param epoch 1-based
     */
    default void onEpoch(int epoch, Map<String, Double> metrics) {
    }
}
