package nodus.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The radiomics signature: radscore = intercept + Σ coef_j · z_j over the features the LASSO kept (non-zero
 * coefficients), z_j being the training-part z-score of feature j. Equal to the LASSO model's linear predictor
 * (sklearn decision_function) and shown/exported as an equation.
 */
public record RadiomicsSignature(double intercept, List<String> features, double[] coef, FittedOn fittedOn) {

    public RadiomicsSignature {
        features = List.copyOf(features);
        coef = coef.clone();
        Objects.requireNonNull(fittedOn);
        if (coef.length != features.size()) {
            throw new IllegalArgumentException("one coefficient per feature required");
        }
    }

    /** The non-zero terms of a fitted LASSO model. */
    public static RadiomicsSignature of(LinearModel m) {
        Map<String, Double> nz = m.nonZeroCoefficients();
        return new RadiomicsSignature(m.intercept(), new ArrayList<>(nz.keySet()),
                nz.values().stream().mapToDouble(Double::doubleValue).toArray(), m.fittedOn());
    }

    @Override
    public double[] coef() {
        return coef.clone();
    }

    /** radscore of each row of a z-scored table (features looked up by name). */
    public double[] score(FeatureTable z) {
        int[] idx = features.stream().mapToInt(z::columnIndex).toArray();
        double[] s = new double[z.rows()];
        for (int i = 0; i < s.length; i++) {
            double v = intercept;
            for (int j = 0; j < idx.length; j++) {
                v += coef[j] * z.value(i, idx[j]);
            }
            s[i] = v;
        }
        return s;
    }

    /** e.g. {@code radscore = -0.188178 + 1.260492 × z(mean_texture) − 0.784583 × z(compactness_error)}. */
    public String equation(int decimals) {
        String fmt = "%." + decimals + "f";
        StringBuilder sb = new StringBuilder("radscore = ").append(String.format(Locale.ROOT, fmt, intercept));
        for (int j = 0; j < coef.length; j++) {
            sb.append(coef[j] < 0 ? " − " : " + ")
                    .append(String.format(Locale.ROOT, fmt, Math.abs(coef[j])))
                    .append(" × z(").append(features.get(j)).append(')');
        }
        return sb.toString();
    }

    /** Full precision (17 significant digits), for export. */
    public String equation() {
        StringBuilder sb = new StringBuilder("radscore = ").append(Double.toString(intercept));
        for (int j = 0; j < coef.length; j++) {
            sb.append(coef[j] < 0 ? " - " : " + ").append(Double.toString(Math.abs(coef[j])))
                    .append(" * z(").append(features.get(j)).append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiomicsSignature s && intercept == s.intercept && features.equals(s.features)
                && Arrays.equals(coef, s.coef) && fittedOn.equals(s.fittedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(intercept, features, Arrays.hashCode(coef), fittedOn);
    }

    @Override
    public String toString() {
        return equation(6);
    }
}
