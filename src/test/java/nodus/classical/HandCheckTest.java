package nodus.classical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tiny vectors whose expected values are worked out by hand in the comments. */
class HandCheckTest {

    @Test
    void averageRanksForTies() {
        // sorted: 10 (rank 1), 20, 20 (ranks 2 and 3 → 2.5 each), 30 (rank 4)
        assertThat(Ranks.average(new double[] {20, 10, 30, 20})).containsExactly(2.5, 1, 4, 2.5);
        // all tied: mean of 1..3 = 2
        assertThat(Ranks.average(new double[] {5, 5, 5})).containsExactly(2, 2, 2);
    }

    @Test
    void spearmanOfSixCases() {
        // x3 = (1,2,3,4,6,5) vs x1 = 1..6: rank differences 0,0,0,0,1,1 → Σd² = 2,
        // ρ = 1 − 6·Σd²/(n(n²−1)) = 1 − 12/210 = 33/35 = 0.942857…
        FeatureTable t = sixCases();
        double[][] rho = Spearman.matrix(t);
        assertThat(rho[0][1]).isCloseTo(1.0, within(1e-15)); // x2 = x1², same ranks
        assertThat(rho[0][2]).isCloseTo(33.0 / 35, within(1e-15));
        // x4 = (2,1,4,3,5,6): d = 1,1,1,1,0,0 → Σd² = 4 → ρ = 1 − 24/210 = 31/35
        assertThat(rho[0][3]).isCloseTo(31.0 / 35, within(1e-15));
        // x3 vs x4: d = 1,1,1,1,1,1 → Σd² = 6 → ρ = 1 − 36/210 = 29/35
        assertThat(rho[2][3]).isCloseTo(29.0 / 35, within(1e-15));
    }

    @Test
    void spearmanFilterRemovesOneAtATime() {
        // |ρ| > 0.9 partners: x1 {x2, x3}, x2 {x1, x3}, x3 {x1, x2}, x4 {} → counts 2,2,2,0.
        // mean |ρ| to the 3 others: x1 = x2 = (35+33+31)/105 = 0.942857, x3 = (33+33+29)/105 = 0.904762
        // → x1 and x2 tie on both → lower column index → remove x1.
        // Remaining x2,x3,x4: x2 {x3}, x3 {x2}, x4 {} → tie on count 1; mean |ρ| to the 2 others:
        // x2 = (33+31)/70 = 0.914286 > x3 = (33+29)/70 = 0.885714 → remove x2. Then |ρ(x3,x4)| = 0.83 → stop.
        SpearmanFilter.Result r = SpearmanFilter.fit(PartTable.train(sixCases()));
        assertThat(r.removedInOrder()).extracting(SpearmanFilter.Removal::feature).containsExactly("x1", "x2");
        assertThat(r.removedInOrder().get(0).partnersAboveThreshold()).isEqualTo(2);
        assertThat(r.removedInOrder().get(0).meanAbsRho()).isCloseTo(99.0 / 105, within(1e-12));
        assertThat(r.removedInOrder().get(1).partnersAboveThreshold()).isEqualTo(1);
        assertThat(r.removedInOrder().get(1).meanAbsRho()).isCloseTo(64.0 / 70, within(1e-12));
        assertThat(r.kept()).containsExactly("x3", "x4");
        assertThat(r.apply(sixCases()).featureNames()).containsExactly("x3", "x4");
    }

    static FeatureTable sixCases() {
        return Tables.of(List.of("x1", "x2", "x3", "x4"), new double[][] {
            {1, 1, 1, 2}, {2, 4, 2, 1}, {3, 9, 3, 4}, {4, 16, 4, 3}, {5, 25, 6, 5}, {6, 36, 5, 6}}, 0, 0, 0, 1, 1, 1);
    }

    @Test
    void zScoreWithPopulationSd() {
        // x = 1,2,3,4: mean 2.5, Σ(x−m)² = 2.25+0.25+0.25+2.25 = 5, sd (ddof 0) = √(5/4) = 1.118034
        // constant column c = 7: sd 0 → 1 (as sklearn StandardScaler), z = 0
        FeatureTable t = Tables.of(List.of("x", "c"), new double[][] {{1, 7}, {2, 7}, {3, 7}, {4, 7}}, 0, 0, 1, 1);
        ZScore.Params p = ZScore.fit(PartTable.train(t));
        assertThat(p.mean()).containsExactly(2.5, 7.0);
        assertThat(p.sd()[0]).isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(p.sd()[1]).isEqualTo(1.0);
        double s = Math.sqrt(1.25);
        assertThat(p.apply(t).column("x")).containsExactly(-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s);
        assertThat(p.apply(t).column("c")).containsOnly(0.0);
        // applied to another part with the TRAIN parameters: x = 5 → (5 − 2.5)/1.118 = 2.236068
        FeatureTable other = new FeatureTable(List.of("v0"), List.of("c", "x"), new double[][] {{7, 5}}, new int[] {1});
        assertThat(p.apply(other).value(0, 0)).isCloseTo(2.5 / s, within(1e-15));
    }

    @Test
    void lassoIsExactlyZeroBelowTheKktThreshold() {
        // liblinear L1R_LR minimises |w|₁ + C Σ log(1 + exp(−y_i w·x_i)), y ∈ {−1, +1}, x including bias 1.
        // At w = 0 the loss gradient is −C/2 Σ y_i x_i. w = 0 is optimal iff C/2 |Σ y_i x_ij| ≤ 1 for all j.
        // x = (−1, −1, 1, 1), y = (−1, −1, +1, +1): Σ y x = 4, Σ y = 0 → all-zero iff C ≤ 0.5.
        FeatureTable t = Tables.of(List.of("x"), new double[][] {{-1}, {-1}, {1}, {1}}, 0, 0, 1, 1);
        LinearModel below = LassoLogistic.fit(PartTable.train(t), LassoLogistic.Spec.of(0.45));
        assertThat(below.coef()).containsExactly(0.0);
        assertThat(below.intercept()).isEqualTo(0.0);
        LinearModel above = LassoLogistic.fit(PartTable.train(t), LassoLogistic.Spec.of(0.6));
        assertThat(above.coef()[0]).isPositive(); // oriented so that η > 0 favours label 1
        assertThat(above.intercept()).isCloseTo(0.0, within(1e-9)); // symmetric data
    }

    @Test
    void lassoPenalisesTheIntercept() {
        // labels 0,1,1,1 and a feature x = (0, 1, −1, 0) with Σ_{positives} x = 0, so w_x stays 0 by symmetry.
        // Bias only: minimise |b| + C [3 log(1+e^−b) + log(1+e^b)]. For b > 0 the derivative is
        // 1 + C (e^b − 3)/(1 + e^b) = 0; with C = 2: 2e^b − 6 = −1 − e^b → e^b = 5/3 → b = ln(5/3) = 0.510826.
        // (An unpenalised intercept would be ln 3 = 1.0986.) With C = 0.9: |∂/∂b at 0| = C·|Σy|/2 = 0.9 ≤ 1 → b = 0.
        FeatureTable t = Tables.of(List.of("x"), new double[][] {{0}, {1}, {-1}, {0}}, 0, 1, 1, 1);
        LinearModel m = LassoLogistic.fit(PartTable.train(t), LassoLogistic.Spec.of(2.0));
        assertThat(m.intercept()).isCloseTo(Math.log(5.0 / 3.0), within(1e-6));
        assertThat(m.coef()[0]).isCloseTo(0.0, within(1e-9));
        assertThat(LassoLogistic.fit(PartTable.train(t), LassoLogistic.Spec.of(0.9)).intercept()).isEqualTo(0.0);
    }

    @Test
    void signatureEquation() {
        // radscore = 0.5 + 2·z(a) − 0.25·z(c); row z = (1, 9, 2) → 0.5 + 2 − 0.5 = 2.0
        RadiomicsSignature s = new RadiomicsSignature(0.5, List.of("a", "c"), new double[] {2, -0.25},
                new FittedOn("lasso-cv", SplitPart.TRAIN, "h", 4));
        assertThat(s.equation(3)).isEqualTo("radscore = 0.500 + 2.000 × z(a) − 0.250 × z(c)");
        assertThat(s.equation()).isEqualTo("radscore = 0.5 + 2.0 * z(a) - 0.25 * z(c)");
        FeatureTable z = new FeatureTable(List.of("r"), List.of("a", "b", "c"), new double[][] {{1, 9, 2}}, new int[] {1});
        assertThat(s.score(z)).containsExactly(2.0);
    }

    @Test
    void pcaOfThreeCollinearPoints() {
        // points (1,2), (2,4), (3,6): mean (2,4), centred (−1,−2), (0,0), (1,2). One direction (1,2)/√5;
        // largest |loading| (2/√5) positive. Variance = (5 + 0 + 5)/(3 − 1) = 5, ratio 1.
        // Projection of (3,6): (1,2)·(1,2)/√5 = √5; of (2,4): 0.
        FeatureTable t = Tables.of(List.of("u", "v"), new double[][] {{1, 2}, {2, 4}, {3, 6}}, 0, 1, 1);
        Pca.Model m = Pca.fit(PartTable.train(t), 1);
        assertThat(m.components()[0][0]).isCloseTo(1 / Math.sqrt(5), within(1e-12));
        assertThat(m.components()[0][1]).isCloseTo(2 / Math.sqrt(5), within(1e-12));
        assertThat(m.explainedVariance()[0]).isCloseTo(5.0, within(1e-12));
        assertThat(m.explainedVarianceRatio()[0]).isCloseTo(1.0, within(1e-12));
        FeatureTable p = m.project(t, "PC");
        assertThat(p.featureNames()).containsExactly("PC1");
        assertThat(p.column(0)[2]).isCloseTo(Math.sqrt(5), within(1e-12));
        assertThat(p.column(0)[1]).isCloseTo(0.0, within(1e-12));
        // sign flip: mirrored data gives the same (positive-largest) component
        FeatureTable mirrored = Tables.of(List.of("u", "v"), new double[][] {{-1, -2}, {-2, -4}, {-3, -6}}, 0, 1, 1);
        assertThat(Pca.fit(PartTable.train(mirrored), 1).components()[0][1]).isCloseTo(2 / Math.sqrt(5), within(1e-12));
    }

    @Test
    void aucIsMannWhitney() {
        // sklearn's doc example: y = (0,0,1,1), s = (0.1,0.4,0.35,0.8): pairs (pos>neg) 0.35>0.1, 0.8>0.1, 0.8>0.4 → 3/4
        assertThat(RankAuc.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1})).isEqualTo(0.75);
        // a tie counts ½: s = (1, 2, 2), y = (0, 0, 1): pos 2 vs 1 → 1, vs 2 → ½ → 1.5/2
        assertThat(RankAuc.auc(new double[] {1, 2, 2}, new int[] {0, 0, 1})).isEqualTo(0.75);
    }

    @Test
    void youdenThresholdHighestOnTies() {
        // scores 0.1 0.3 0.6 0.8, labels 0 0 1 1: threshold 0.6 → sens 1, spec 1, J = 1 (0.3 → J = 0.5)
        FeatureTable t = Tables.of(List.of("x"), new double[][] {{0}, {0}, {0}, {0}}, 0, 0, 1, 1);
        YoudenThreshold.Threshold th = YoudenThreshold.fit(PartTable.train(t), new double[] {0.1, 0.3, 0.6, 0.8});
        assertThat(th.value()).isEqualTo(0.6);
        assertThat(th.youdenJ()).isEqualTo(1.0);
        assertThat(th.fittedOn().step()).isEqualTo("threshold");
    }

    @Test
    void stratifiedFoldsAreBalancedAndSeeded() {
        int[] y = new int[40];
        Arrays.fill(y, 0, 25, 1); // 25 positives, 15 negatives
        int[] f = StratifiedFolds.assign(y, 5, 7);
        for (int k = 0; k < 5; k++) {
            int pos = 0;
            int neg = 0;
            for (int i = 0; i < y.length; i++) {
                if (f[i] == k) {
                    if (y[i] == 1) {
                        pos++;
                    } else {
                        neg++;
                    }
                }
            }
            assertThat(pos).isEqualTo(5); // 25/5
            assertThat(neg).isEqualTo(3); // 15/5
        }
        assertThat(StratifiedFolds.assign(y, 5, 7)).containsExactly(f);
        assertThat(StratifiedFolds.assign(y, 5, 8)).isNotEqualTo(f);
    }

    @Test
    void screeningKeepsStrictlyBelowAlpha() {
        FeatureTable t = Tables.of(List.of("a", "b", "c"), new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}, {4, 4, 4}},
                0, 0, 1, 1);
        java.util.Map<String, Double> p = java.util.Map.of("a", 0.02, "b", 0.1, "c", 0.5);
        UnivariateScreening.Result r = UnivariateScreening.screen(PartTable.train(t),
                java.util.Map.of("a", VariableType.CONTINUOUS, "b", VariableType.CONTINUOUS, "c", VariableType.CATEGORICAL),
                (f, type, pos, neg) -> {
                    assertThat(pos).containsExactly(3, 4); // positives in row order
                    assertThat(neg).containsExactly(1, 2);
                    return p.get(f);
                }, 0.1);
        assertThat(r.kept()).containsExactly("a"); // b: P = 0.1 is not < 0.1
        assertThat(r.entries()).extracting(UnivariateScreening.Entry::p).containsExactly(0.02, 0.1, 0.5);
    }

    @Test
    void caseIdHashIsSha256OfSortedIds() {
        // python: hashlib.sha256(b"a\nb\nc\n").hexdigest()
        assertThat(CaseIdHash.of(List.of("c", "a", "b")))
                .isEqualTo("880553fca8fcea94e325ee2cfb48e5a985cc797f39a14cc6d3cedecfeb2ae4d2");
    }
}
