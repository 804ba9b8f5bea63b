package nodus.experiment;

import java.util.Arrays;

/**
 * A run's prediction for one case: its split part, true label (0/1, or the class index for multi-class tasks),
 * the probability of the positive class, and — for multi-class tasks — every class's probability.
 */
public record CasePrediction(String caseId, SplitPart part, int label, double score, double[] probabilities) {

    public CasePrediction {
        if (caseId == null || caseId.isBlank()) {
            throw new IllegalArgumentException("case id must not be blank");
        }
        if (part == null) {
            throw new IllegalArgumentException("split part must be given for case " + caseId);
        }
        if (label < 0) {
            throw new IllegalArgumentException("label must be ≥ 0 for case " + caseId + ", got " + label);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be a probability in [0, 1] for case " + caseId
                    + ", got " + score);
        }
        probabilities = probabilities == null ? null : probabilities.clone();
    }

    public static CasePrediction binary(String caseId, SplitPart part, int label, double score) {
        return new CasePrediction(caseId, part, label, score, null);
    }

    @Override
    public double[] probabilities() {
        return probabilities == null ? null : probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CasePrediction p && p.caseId.equals(caseId) && p.part == part && p.label == label
                && Double.compare(p.score, score) == 0 && Arrays.equals(p.probabilities, probabilities);
    }

    @Override
    public int hashCode() {
        return caseId.hashCode() * 31 + Double.hashCode(score);
    }
}
