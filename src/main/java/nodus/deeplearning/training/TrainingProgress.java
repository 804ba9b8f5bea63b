package nodus.deeplearning.training;

/**
 * Where a fine-tuning run is, for a progress bar: epoch (1-based) of {@code epochs}, batch (1-based, done) of
 * {@code batches} in this epoch, and the estimated seconds left (from the mean batch time of this execution).
 */
public record TrainingProgress(int epoch, int epochs, int batch, int batches, double elapsedSeconds,
                               double etaSeconds) {

    /** Fraction of all planned batches done, in [0, 1]. */
    public double fraction() {
        double total = (double) epochs * batches;
        return total == 0 ? 0 : Math.min(1, ((epoch - 1) * (double) batches + batch) / total);
    }
}
