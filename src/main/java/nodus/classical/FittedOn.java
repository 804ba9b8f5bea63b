package nodus.classical;

import java.util.Objects;

/**
 * What a fitted step was fitted (or tuned) on: the split part, the {@link CaseIdHash} of its cases and their number.
 *
 * @param step        name of the step, e.g. "spearman-filter", "z-score", "lasso-cv"
 * @param part        split part of the fitting data (TRAIN for every fit; VALIDATION only for a model choice)
 * @param caseIdHash  SHA-256 of the sorted case ids
 * @param nCases      number of cases
 */
public record FittedOn(String step, SplitPart part, String caseIdHash, int nCases) {

    public FittedOn {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(caseIdHash, "caseIdHash");
        if (nCases < 1) {
            throw new IllegalArgumentException("nCases must be >= 1");
        }
    }
}
