package nodus.deeplearning.training;

import java.nio.file.Path;
import java.util.List;
import nodus.cohort.study.StudyCase;
import nodus.deeplearning.weights.WeightsProvenance;

/**
 * What a finished fine-tuning leaves: every case's class probabilities and penultimate features (from the
 * selected weights: best validation AUC, or the last epoch when no validation AUC could be computed), and how
 * the training went.
 *
 * @param cases            one entry per case of every part
 * @param epochsRun        epochs completed (fewer than planned after early stopping)
 * @param selectedEpoch    epoch whose weights made the predictions (1-based)
 * @param bestValAuc       its validation AUC (NaN if none)
 * @param stoppedEarly     whether early stopping ended the training
 * @param origin           the weights the network started from
 * @param selectedWeights  the Nodus checkpoint manifest of the selected weights
 * @param selectedSha256   SHA-256 of its parameter file
 * @param dataSeconds      time spent preparing batches (decode, crop, augment, copy) in this execution
 * @param computeSeconds   time in forward, backward and optimiser steps in this execution
 * @param resumedFromEpoch epochs already done in the checkpoint this execution resumed from (0: started afresh)
 * @param lastSha256       SHA-256 of the parameter file of the last epoch's checkpoint (the final weights)
 */
public record FineTuneResult(List<CaseOutput> cases, int epochsRun, int selectedEpoch, double bestValAuc,
                             boolean stoppedEarly, WeightsProvenance origin, Path selectedWeights,
                             String selectedSha256, double dataSeconds, double computeSeconds,
                             int resumedFromEpoch, String lastSha256) {

    /** One case's output: the softmax probabilities (index = class) and the penultimate feature vector. */
    public record CaseOutput(String caseId, StudyCase.Part part, int label, float[] probabilities,
                             float[] features) {
    }

    public FineTuneResult {
        cases = List.copyOf(cases);
    }
}
