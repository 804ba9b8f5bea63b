package nodus.statistics;

/**
 * One row of a decision curve (Vickers &amp; Elkin 2006): at threshold probability pt,
 * NB(model) = TP/n − FP/n · pt/(1 − pt) with "treat if p ≥ pt"; NB(treat all) = prevalence − (1 − prevalence) ·
 * pt/(1 − pt); NB(treat none) = 0. Units: net true positives per patient.
 *
 * @param threshold threshold probability pt in (0, 1)
 * @param truePositives events with p ≥ pt
 * @param falsePositives non-events with p ≥ pt
 * @param model net benefit of the model
 * @param treatAll net benefit of treating everyone
 */
public record NetBenefit(double threshold, int truePositives, int falsePositives, double model, double treatAll) {

    public double treatNone() {
        return 0.0;
    }
}
