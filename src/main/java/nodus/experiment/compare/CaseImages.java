package nodus.experiment.compare;

import java.util.Optional;

/**
 * Hook for the case drill-down: a thumbnail of a case's image with its mask outline, and the Grad-CAM overlay
 * where the run is a fine-tuned network. The deeplearning feature provides the bean (it reads the images through
 * the cohort port); without one the drill-down shows no images.
 */
public interface CaseImages {

    /** A small image (data URL, e.g. PNG) of the case, or empty when none is available. */
    Optional<String> thumbnailDataUrl(String cohortRef, String caseId, long runId);

    /**
     * The Grad-CAM heat map of the run's network over the case's lesion ROI, with its colour legend (PNG data URL);
     * empty when the run is not a fine-tuned network or has no trained weights. May take seconds the first time
     * (computed, then cached) — call it for one case the user opened, not for a whole table.
     */
    default Optional<String> gradCamDataUrl(String cohortRef, String caseId, long runId) {
        return Optional.empty();
    }
}
