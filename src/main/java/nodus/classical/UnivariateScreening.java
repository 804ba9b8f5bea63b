package nodus.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Univariate screening of clinical variables on the TRAIN part: a variable is kept if its two-group test
 * (positives vs negatives) gives P &lt; alpha (strictly; alpha = 0.1 as in the reference study).
 */
public final class UnivariateScreening {

    public static final double DEFAULT_ALPHA = 0.1;

    private UnivariateScreening() {
    }

    public record Entry(String feature, VariableType type, double p, boolean kept) {
    }

    public record Result(double alpha, List<Entry> entries, List<String> kept, FittedOn fittedOn) {
        public Result {
            entries = List.copyOf(entries);
            kept = List.copyOf(kept);
            Objects.requireNonNull(fittedOn);
        }
    }

    /**
     * @param types variable type of every column of the table (a missing column is an error)
     */
    public static Result screen(PartTable train, Map<String, VariableType> types, UnivariatePTest test, double alpha) {
        FittedOn fittedOn = LeakageGuard.fitOn("univariate-screening", train);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0,1): " + alpha);
        }
        FeatureTable t = train.table();
        int n1 = 0;
        for (int i = 0; i < t.rows(); i++) {
            n1 += t.label(i);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int j = 0; j < t.columns(); j++) {
            String f = t.featureNames().get(j);
            VariableType type = types.get(f);
            if (type == null) {
                throw new IllegalArgumentException("no variable type given for clinical variable '" + f + "'");
            }
            double[] pos = new double[n1];
            double[] neg = new double[t.rows() - n1];
            int a = 0;
            int b = 0;
            for (int i = 0; i < t.rows(); i++) {
                if (t.label(i) == 1) {
                    pos[a++] = t.value(i, j);
                } else {
                    neg[b++] = t.value(i, j);
                }
            }
            double p = test.pValue(f, type, pos, neg);
            boolean keep = p < alpha;
            entries.add(new Entry(f, type, p, keep));
            if (keep) {
                kept.add(f);
            }
        }
        return new Result(alpha, entries, kept, fittedOn);
    }
}
