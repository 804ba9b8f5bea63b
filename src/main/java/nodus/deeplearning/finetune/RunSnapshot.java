package nodus.deeplearning.finetune;

import java.util.List;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.deeplearning.training.TrainingProgress;
import nodus.experiment.Run;

/**
 * What the run page shows at one moment: the run (status, message), its fine-tuning spec (null for other kinds or
 * an unreadable spec), the live progress of the current execution (null when not training in this process), and
 * the per-epoch metric history.
 */
public record RunSnapshot(Run run, FineTuneSpec spec, TrainingProgress progress, List<EpochMetrics> epochs) {

    public RunSnapshot {
        if (run == null) {
            throw new IllegalArgumentException("a snapshot needs its run");
        }
        epochs = List.copyOf(epochs);
    }

    /** True for a fine-tuning run started from a seeded random initialisation (no pretrained weights). */
    public boolean notPretrained() {
        return spec != null && !spec.pretrained();
    }

    /**
     * Fraction done in [0, 1]: the live progress while training; otherwise from the epochs logged (a finished
     * run is 1; early stopping ends before the last planned epoch).
     */
    public double fraction() {
        if (run.status() == nodus.experiment.RunStatus.FINISHED) {
            return 1;
        }
        if (progress != null) {
            return progress.fraction();
        }
        return spec == null || epochs.isEmpty() ? 0 : Math.min(1, epochs.size() / (double) spec.epochs());
    }
}
