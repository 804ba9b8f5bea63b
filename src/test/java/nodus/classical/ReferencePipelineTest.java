package nodus.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signature pipeline against the shared reference (scipy 1.17.1 / scikit-learn 1.9.1, make_reference.py in
 * src/test/resources/classical/): Spearman removal order, z-score parameters, LASSO CV (per-C fold AUCs, best C,
 * non-zero coefficients) and the test-part radscore, all within 1e-6.
 */
class ReferencePipelineTest {

    static final double TOL = 1e-6;
    static FeatureTable train;
    static FeatureTable test;
    static JsonNode ref;

    @BeforeAll
    static void load() {
        train = ReferenceData.train();
        test = ReferenceData.test();
        ref = ReferenceData.values();
    }

    @Test
    void spearmanMatrixEqualsScipy() {
        double[][] rho = Spearman.matrix(train);
        List<String[]> m = ReferenceData.csv("spearman_train.csv");
        for (int a = 0; a < 30; a++) {
            for (int b = 0; b < 30; b++) {
                assertThat(rho[a][b]).as("rho[%d][%d]", a, b).isCloseTo(Double.parseDouble(m.get(a + 1)[b + 1]), within(1e-12));
            }
        }
    }

    @Test
    void spearmanRemovalOrderEqualsReference() {
        SpearmanFilter.Result r = SpearmanFilter.fit(PartTable.train(train));
        JsonNode exp = ref.get("spearman_filter");
        List<String> removed = new ArrayList<>();
        for (JsonNode n : exp.get("removed_in_order")) {
            removed.add(n.get("feature").asText());
        }
        assertThat(r.removedInOrder().stream().map(SpearmanFilter.Removal::feature).toList()).containsExactlyElementsOf(removed);
        for (int i = 0; i < removed.size(); i++) {
            JsonNode n = exp.get("removed_in_order").get(i);
            assertThat(r.removedInOrder().get(i).partnersAboveThreshold()).isEqualTo(n.get("n_partners_gt_0.9").asInt());
            assertThat(r.removedInOrder().get(i).meanAbsRho()).isCloseTo(n.get("mean_abs_rho").asDouble(), within(TOL));
        }
        List<String> kept = new ArrayList<>();
        exp.get("kept").forEach(n -> kept.add(n.asText()));
        assertThat(r.kept()).containsExactlyElementsOf(kept);
        assertThat(r.fittedOn().part()).isEqualTo(SplitPart.TRAIN);
        assertThat(r.fittedOn().caseIdHash()).isEqualTo(train.caseIdHash());
    }

    @Test
    void zScoreParametersEqualReference() {
        ZScore.Params p = ZScore.fit(PartTable.train(train));
        JsonNode z = ReferenceData.json("zscore_params.json");
        for (int j = 0; j < 30; j++) {
            assertThat(p.featureNames().get(j)).isEqualTo(z.get("features").get(j).asText());
            assertThat(p.mean()[j]).isCloseTo(z.get("train_mean").get(j).asDouble(), within(TOL));
            assertThat(p.sd()[j]).isCloseTo(z.get("train_sd_ddof0").get(j).asDouble(), within(TOL));
        }
    }

    /**
     * Per-C fold AUCs and means equal the reference, and with the DEFAULT spec the CV picks the reference's C.
     * The reference's best C (0.5623) and C = 0.3162 have EXACTLY the same mean AUC in exact arithmetic (fold AUCs
     * × n1·n0 are integers with equal sums, checked below); numpy's pairwise summation inside {@code np.mean}
     * rounds the 0.5623 mean one ulp higher, so the reference's max picks it. Nodus rounds the mean as numpy does
     * (bit-equal, asserted), so the default rule (first maximum in grid order) picks the same C.
     * LogisticRegressionCV's rule (sequential sum over folds) picks 0.3162 on the same fold AUCs — scikit-learn
     * 1.9.1's own LogisticRegressionCV C_ on these folds (lasso_cv_mean_check.py / .txt in the test resources).
     */
    @Test
    void lassoCvWithDefaultsPicksTheReferenceCAndCoefficients() {
        FeatureTable ztr = zTrain();
        LassoCv.Result cv = LassoCv.fit(PartTable.train(ztr), LassoCv.Spec.standard(0), ReferenceData.folds(ztr));
        JsonNode exp = ref.get("lasso_cv");
        assertThat(cv.cv()).hasSize(exp.get("cv").size());
        for (int i = 0; i < cv.cv().size(); i++) {
            JsonNode e = exp.get("cv").get(i);
            LassoCv.CvPoint p = cv.cv().get(i);
            assertThat(p.c()).isCloseTo(e.get("C").asDouble(), within(1e-12));
            for (int f = 0; f < 10; f++) {
                assertThat(p.foldAucs()[f]).as("C=%s fold %d", p.c(), f).isCloseTo(e.get("fold_aucs").get(f).asDouble(), within(TOL));
            }
            assertThat(p.meanAuc()).isCloseTo(e.get("mean_auc").asDouble(), within(TOL));
        }
        // the two tied C: numpy's mean bits, not just 1e-6 (they decide the choice)
        for (int i : new int[] {6, 7}) {
            assertThat(cv.cv().get(i).meanAuc()).as("np.mean bits at C index %d", i)
                    .isEqualTo(exp.get("cv").get(i).get("mean_auc").asDouble());
        }
        // exact tie of the reference's C (index 7) with index 6, in integer arithmetic on the reference numbers
        int[] folds = ReferenceData.folds(ztr);
        assertThat(exactTie(exp.get("cv").get(6), exp.get("cv").get(7), ztr, folds)).isTrue();
        assertThat(exactTie(exp.get("cv").get(5), exp.get("cv").get(7), ztr, folds)).isFalse();

        double refBest = exp.get("best_C").asDouble();
        assertThat(cv.bestC()).isCloseTo(refBest, within(1e-6));
        assertThat(cv.chosenC()).isEqualTo(cv.bestC());
        LinearModel m = cv.model();
        assertThat(m.fittedOn().part()).isEqualTo(SplitPart.TRAIN);
        assertThat(m.intercept()).isCloseTo(exp.get("intercept").asDouble(), within(TOL));
        Map<String, Double> expCoef = new HashMap<>();
        exp.get("coef").fields().forEachRemaining(en -> expCoef.put(en.getKey(), en.getValue().asDouble()));
        assertThat(m.nonZeroCoefficients().keySet()).containsExactlyInAnyOrderElementsOf(expCoef.keySet());
        expCoef.forEach((k, v) -> assertThat(m.nonZeroCoefficients().get(k)).as(k).isCloseTo(v, within(TOL)));

        // LogisticRegressionCV's aggregate on the same CV points: sklearn 1.9.1 LogisticRegressionCV.C_ = 0.3162…
        double[] logRegCv = LassoCv.choose(cv.cv(), LassoCv.Rule.MAX_MEAN_AUC, LassoCv.Aggregate.LOGISTIC_REGRESSION_CV);
        assertThat(logRegCv[0]).isCloseTo(0.31622776601683794, within(1e-12));
        // 1-SE (numpy on the reference fold AUCs): best C 0.5623 has SE = sd(ddof 1)/√10 = 0.0044150, bar
        // 0.990324 − 0.004415 = 0.985909; the smallest C with mean ≥ bar is 0.1778 (mean 0.986610; 0.1 has 0.984476)
        double[] oneSe = LassoCv.choose(cv.cv(), LassoCv.Rule.ONE_SE, LassoCv.Aggregate.NUMPY_MEAN);
        assertThat(oneSe[1]).isCloseTo(0.1778279410038923, within(1e-12));
        assertThat(cv.cv().get(6).seAuc()).isCloseTo(0.005710390206580757, within(1e-8));
        assertThat(cv.cv().get(7).seAuc()).isCloseTo(0.004415031928389351, within(1e-8));
    }

    /** Summation as numpy does it, on values where the order matters (numbers from numpy 2.4.6, see the script). */
    @Test
    void numpySumRoundsLikeNumpy() {
        double[] a = exp7FoldAucs();
        assertThat(NumpySum.pairwise(a)).isEqualTo(9.903238095238097);   // np.add.reduce(a)
        assertThat(NumpySum.sequential(a)).isEqualTo(9.903238095238095); // column 7 of (folds × Cs).sum(axis=0)
        assertThat(NumpySum.mean(a)).isEqualTo(0.9903238095238096);      // np.mean(a)
        // the three branches of pairwise_sum (n < 8, 8..128, > 128) on x_i = 1/(i+3) + 1e-3·i (numpy 2.4.6)
        double[] expSum = {1.1028571428571428, 2.1837396571436822, 49.63929739771386};
        double[] expMean = {0.22057142857142856, 0.12845527394962836, 0.1654643246590462};
        int[] ns = {5, 17, 300};
        for (int t = 0; t < ns.length; t++) {
            double[] x = new double[ns[t]];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1.0 / (i + 3) + 1e-3 * i;
            }
            assertThat(NumpySum.pairwise(x)).as("np.sum n=%d", ns[t]).isEqualTo(expSum[t]);
            assertThat(NumpySum.mean(x)).as("np.mean n=%d", ns[t]).isEqualTo(expMean[t]);
        }
        assertThat(NumpySum.sequential(new double[17])).isZero();
    }

    private static double[] exp7FoldAucs() {
        double[] a = new double[10];
        for (int f = 0; f < 10; f++) {
            a[f] = ref.get("lasso_cv").get("cv").get(7).get("fold_aucs").get(f).asDouble();
        }
        return a;
    }

    /** 2·U of each fold (= 2 · AUC · n1 · n0, an integer since U counts ties as ½). */
    private static long[] twiceU(JsonNode cvPoint, FeatureTable ztr, int[] folds) {
        long[] out = new long[10];
        for (int f = 0; f < 10; f++) {
            long n1 = 0;
            long n0 = 0;
            for (int i = 0; i < folds.length; i++) {
                if (folds[i] == f) {
                    if (ztr.label(i) == 1) {
                        n1++;
                    } else {
                        n0++;
                    }
                }
            }
            double scaled = cvPoint.get("fold_aucs").get(f).asDouble() * n1 * n0 * 2;
            assertThat(scaled).isCloseTo(Math.rint(scaled), within(1e-6));
            out[f] = Math.round(scaled);
        }
        return out;
    }

    /** Exact comparison of Σ_f U_f/(n1·n0)_f for two C values using a common denominator. */
    private static boolean exactTie(JsonNode a, JsonNode b, FeatureTable ztr, int[] folds) {
        long[] ua = twiceU(a, ztr, folds);
        long[] ub = twiceU(b, ztr, folds);
        java.math.BigInteger lhs = java.math.BigInteger.ZERO;
        java.math.BigInteger rhs = java.math.BigInteger.ZERO;
        for (int f = 0; f < 10; f++) {
            long pairs = Math.round(ua[f] / (2 * cvPointAuc(a, f)));
            java.math.BigInteger others = java.math.BigInteger.ONE;
            for (int g = 0; g < 10; g++) {
                if (g != f) {
                    others = others.multiply(java.math.BigInteger.valueOf(pairsOf(ztr, folds, g)));
                }
            }
            lhs = lhs.add(java.math.BigInteger.valueOf(ua[f]).multiply(others));
            rhs = rhs.add(java.math.BigInteger.valueOf(ub[f]).multiply(others));
            assertThat(pairs).isEqualTo(pairsOf(ztr, folds, f));
        }
        return lhs.equals(rhs);
    }

    private static double cvPointAuc(JsonNode p, int f) {
        return p.get("fold_aucs").get(f).asDouble();
    }

    private static long pairsOf(FeatureTable ztr, int[] folds, int f) {
        long n1 = 0;
        long n0 = 0;
        for (int i = 0; i < folds.length; i++) {
            if (folds[i] == f) {
                if (ztr.label(i) == 1) {
                    n1++;
                } else {
                    n0++;
                }
            }
        }
        return n1 * n0;
    }

    @Test
    void lassoRefitAtTheReferenceCReproducesCoefficientsAndRadscore() {
        FeatureTable ztr = zTrain();
        JsonNode exp = ref.get("lasso_cv");
        // the refit at the reference's chosen C (the C choice itself is checked in the test above)
        LinearModel m = LassoLogistic.fit(PartTable.train(ztr), LassoLogistic.Spec.of(exp.get("best_C").asDouble()));
        assertThat(m.intercept()).isCloseTo(exp.get("intercept").asDouble(), within(TOL));
        Map<String, Double> expCoef = new HashMap<>();
        exp.get("coef").fields().forEachRemaining(en -> expCoef.put(en.getKey(), en.getValue().asDouble()));
        assertThat(m.nonZeroCoefficients().keySet()).containsExactlyInAnyOrderElementsOf(expCoef.keySet());
        expCoef.forEach((k, v) -> assertThat(m.nonZeroCoefficients().get(k)).as(k).isCloseTo(v, within(TOL)));

        RadiomicsSignature sig = RadiomicsSignature.of(m);
        FeatureTable zte = filter().apply(zscore().apply(test));
        double[] rad = sig.score(zte);
        List<String[]> rs = ReferenceData.csv("radscore_test.csv");
        assertThat(rad).hasSize(rs.size() - 1);
        for (int i = 0; i < rad.length; i++) {
            assertThat(zte.caseIds().get(i)).isEqualTo(rs.get(i + 1)[0]);
            assertThat(rad[i]).as("radscore row %s", rs.get(i + 1)[0]).isCloseTo(Double.parseDouble(rs.get(i + 1)[2]), within(TOL));
        }
        assertThat(RankAuc.auc(rad, zte.labels())).isCloseTo(exp.get("test_auc_radscore").asDouble(), within(1e-12));
        assertThat(sig.equation(4)).startsWith("radscore = -0.1882 + 1.2605 × z(mean_texture) + 2.8448 × z(mean_area)");
    }

    private static SpearmanFilter.Result filter() {
        return SpearmanFilter.fit(PartTable.train(train));
    }

    private static ZScore.Params zscore() {
        return ZScore.fit(PartTable.train(train));
    }

    private static FeatureTable zTrain() {
        return filter().apply(zscore().apply(train));
    }
}
