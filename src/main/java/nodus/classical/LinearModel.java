package nodus.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitted binary logistic model: linear predictor η = intercept + Σ coef_j · x_j and P(y = 1) = 1 / (1 + e^−η).
 * For a LASSO fit on z-scored radiomics features η is the radiomics signature (radscore).
 *
 * @param featureNames  the input features in column order
 * @param intercept     the bias weight (for liblinear it is L1-penalised too: the bias feature is a constant 1)
 * @param coef          one coefficient per feature (zeros kept, so the layout matches {@code featureNames})
 * @param fittedOn      what it was fitted on
 * @param provenance    spec, seeds, data hash, library versions and Tribuo's model provenance
 */
public record LinearModel(List<String> featureNames, double intercept, double[] coef, FittedOn fittedOn,
                          FitProvenance provenance) {

    public LinearModel {
        featureNames = List.copyOf(featureNames);
        coef = coef.clone();
        Objects.requireNonNull(fittedOn, "fittedOn");
        Objects.requireNonNull(provenance, "provenance");
        if (coef.length != featureNames.size()) {
            throw new IllegalArgumentException("coef length " + coef.length + " != features " + featureNames.size());
        }
    }

    @Override
    public double[] coef() {
        return coef.clone();
    }

    /** The non-zero coefficients by feature name, in column order. */
    public Map<String, Double> nonZeroCoefficients() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < coef.length; j++) {
            if (coef[j] != 0) {
                m.put(featureNames.get(j), coef[j]);
            }
        }
        return m;
    }

    public List<String> selectedFeatures() {
        return new ArrayList<>(nonZeroCoefficients().keySet());
    }

    /** η for every row of {@code t} (looked up by feature name). */
    public double[] linearPredictor(FeatureTable t) {
        int[] idx = featureNames.stream().mapToInt(t::columnIndex).toArray();
        double[] eta = new double[t.rows()];
        for (int i = 0; i < eta.length; i++) {
            double s = intercept;
            for (int j = 0; j < idx.length; j++) {
                if (coef[j] != 0) {
                    s += coef[j] * t.value(i, idx[j]);
                }
            }
            eta[i] = s;
        }
        return eta;
    }

    /** P(y = 1) for every row. */
    public double[] probability(FeatureTable t) {
        double[] eta = linearPredictor(t);
        for (int i = 0; i < eta.length; i++) {
            eta[i] = 1.0 / (1.0 + Math.exp(-eta[i]));
        }
        return eta;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearModel m && featureNames.equals(m.featureNames) && intercept == m.intercept
                && Arrays.equals(coef, m.coef) && fittedOn.equals(m.fittedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(featureNames, intercept, Arrays.hashCode(coef), fittedOn);
    }

    @Override
    public String toString() {
        return "LinearModel[intercept=" + intercept + ", nonZero=" + nonZeroCoefficients() + "]";
    }
}
