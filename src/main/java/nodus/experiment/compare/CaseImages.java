package nodus.experiment.compare;

import java.util.Optional;

/**
 * Hook for the case drill-down: a thumbnail of a case's image with its mask outline (and Grad-CAM where the run
 * has one). The cohort feature provides a bean implementing this later; without one the drill-down shows no
 * images.
 */
public interface CaseImages {

    /** A small image (data URL, e.g. PNG) of the case, or empty when none is available. */
    Optional<String> thumbnailDataUrl(String cohortRef, String caseId, long runId);
}
