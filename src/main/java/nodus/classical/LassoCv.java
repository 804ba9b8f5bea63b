package nodus.classical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Choice of the LASSO penalty C by stratified k-fold cross-validation on the TRAIN part, then a refit on all
 * training cases with the chosen C.
 *
 * <p>For every C of the grid and every fold, a {@link LassoLogistic} model is fitted on the other folds and scored
 * on the held-out fold by AUC (Mann–Whitney, = sklearn roc_auc_score; AUC of η equals AUC of the probability).
 * Rule "max": the C whose fold AUCs aggregate highest, the FIRST maximum in grid order (ascending C) — scikit-learn's
 * rule ({@code np.argmax}; equally Python's {@code max} with ties → smaller C as in the shared reference), exact
 * comparison, no tolerance. How the fold AUCs are aggregated decides exact ties (fold AUCs are ratios of small
 * integers, so two C values often have mathematically equal means and only the rounding separates them), so the
 * aggregate reproduces numpy's rounding bit for bit, see {@link Aggregate}. Rule "1-SE" (optional): the smallest C
 * whose mean AUC ≥ (best mean − SE of the best), SE = sd(fold AUCs, ddof = 1)/√k (Hastie et al., ESL §7.10), i.e.
 * the sparsest model statistically indistinguishable from the best.
 */
public final class LassoCv {

    public enum Rule { MAX_MEAN_AUC, ONE_SE }

    /**
     * How the k fold AUCs of one C are reduced to the number that is maximised. Both are numpy's exact rounding.
     * <ul>
     * <li>{@code NUMPY_MEAN} (default): {@code np.mean(fold_aucs)} of one C — a 1-D contiguous array, so numpy sums
     * pairwise ({@link NumpySum#pairwise}) and divides by k. This is what a per-C loop computes (the shared
     * reference's make_reference.py, {@code cross_val_score(...).mean()}, GridSearchCV's mean_test_score).</li>
     * <li>{@code LOGISTIC_REGRESSION_CV}: scikit-learn's {@code LogisticRegressionCV} takes
     * {@code scores.sum(axis=0).argmax()} of its (folds × Cs) C-ordered score array; the summed axis is strided,
     * so numpy adds the folds one after another ({@link NumpySum#sequential}). Use it to reproduce a study that
     * used LogisticRegressionCV: on the shared reference data it picks C = 0.3162 where the per-C mean picks
     * 0.5623 (the two means are equal in exact arithmetic; lasso_cv_mean_check.py in the test resources).</li>
     * </ul>
     */
    public enum Aggregate { NUMPY_MEAN, LOGISTIC_REGRESSION_CV }

    /**
     * @param cGrid        candidate C values, ascending
     * @param folds        number of folds (10 in the study)
     * @param eps          liblinear stopping tolerance (1e-8)
     * @param maxIterations liblinear iteration cap
     * @param foldSeed     seed of the stratified fold assignment (unused if folds are given)
     * @param rule         choice rule
     * @param aggregate    how fold AUCs are reduced before the maximum ({@link Aggregate#NUMPY_MEAN} by default)
     */
    public record Spec(double[] cGrid, int folds, double eps, int maxIterations, long foldSeed, Rule rule,
                       Aggregate aggregate) {
        public Spec {
            cGrid = cGrid.clone();
            Objects.requireNonNull(rule);
            Objects.requireNonNull(aggregate);
            if (cGrid.length == 0) {
                throw new IllegalArgumentException("empty C grid");
            }
            for (int i = 0; i < cGrid.length; i++) {
                if (!(cGrid[i] > 0) || (i > 0 && cGrid[i] <= cGrid[i - 1])) {
                    throw new IllegalArgumentException("C grid must be positive and strictly ascending");
                }
            }
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be >= 2");
            }
        }

        @Override
        public double[] cGrid() {
            return cGrid.clone();
        }

        /** The study's setting: C = 10^(−2 + 0.25 i), i = 0..12 (numpy logspace(−2, 1, 13)), 10 folds, eps 1e-8. */
        public static Spec standard(long foldSeed) {
            return new Spec(logGrid(-2, 1, 13), 10, 1e-8, 10_000, foldSeed, Rule.MAX_MEAN_AUC,
                    Aggregate.NUMPY_MEAN);
        }

        public Spec withRule(Rule r) {
            return new Spec(cGrid, folds, eps, maxIterations, foldSeed, r, aggregate);
        }

        public Spec withAggregate(Aggregate a) {
            return new Spec(cGrid, folds, eps, maxIterations, foldSeed, rule, a);
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cGrid", Arrays.stream(cGrid).boxed().toList());
            m.put("folds", folds);
            m.put("eps", eps);
            m.put("maxIterations", maxIterations);
            m.put("rule", rule.name());
            m.put("aggregate", aggregate.name());
            m.put("choice", "first maximum in ascending C order (np.argmax)");
            m.put("scoring", "held-out fold AUC");
            return m;
        }
    }

    /** numpy.logspace(a, b, n): 10^(a + i (b − a)/(n − 1)). */
    public static double[] logGrid(double a, double b, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.pow(10, a + i * (b - a) / (n - 1));
        }
        return g;
    }

    /** Cross-validated AUCs of one C; {@code meanAuc} is numpy's mean (pairwise sum / k). */
    public record CvPoint(double c, double[] foldAucs, double meanAuc, double seAuc) {
        public CvPoint {
            foldAucs = foldAucs.clone();
        }

        @Override
        public double[] foldAucs() {
            return foldAucs.clone();
        }
    }

    /** The search and the refit. {@code folds} is the fold id of each training row (given or generated). */
    public record Result(List<CvPoint> cv, double bestC, double chosenC, Rule rule, int[] folds,
                         LinearModel model, FittedOn fittedOn) {
        public Result {
            cv = List.copyOf(cv);
            folds = folds.clone();
        }

        @Override
        public int[] folds() {
            return folds.clone();
        }
    }

    private LassoCv() {
    }

    /** Generates stratified folds from {@code spec.foldSeed()}. */
    public static Result fit(PartTable train, Spec spec) {
        LeakageGuard.fitOn("lasso-cv", train);
        return run(train, spec, StratifiedFolds.assign(train.table().labels(), spec.folds(), spec.foldSeed()), false);
    }

    /** Uses the given fold id (0..k−1) of each training row, e.g. to reproduce another tool's folds. */
    public static Result fit(PartTable train, Spec spec, int[] foldOfRow) {
        return run(train, spec, foldOfRow, true);
    }

    private static Result run(PartTable train, Spec spec, int[] foldOfRow, boolean foldsGiven) {
        FittedOn fittedOn = LeakageGuard.fitOn("lasso-cv", train);
        FeatureTable t = train.table();
        if (foldOfRow.length != t.rows()) {
            throw new IllegalArgumentException("fold assignment has " + foldOfRow.length + " entries for "
                    + t.rows() + " training cases");
        }
        int k = spec.folds();
        for (int f : foldOfRow) {
            if (f < 0 || f >= k) {
                throw new IllegalArgumentException("fold id " + f + " outside 0.." + (k - 1));
            }
        }
        List<CvPoint> points = new ArrayList<>();
        for (double c : spec.cGrid()) {
            LassoLogistic.Spec s = new LassoLogistic.Spec(c, spec.eps(), spec.maxIterations(), 0L);
            double[] aucs = new double[k];
            for (int f = 0; f < k; f++) {
                int[][] split = split(foldOfRow, f);
                FeatureTable fitPart = t.rows(split[0]);
                FeatureTable held = t.rows(split[1]);
                LinearModel m = LassoLogistic.fitUnguarded(fitPart, s,
                        new FittedOn("lasso-cv-fold" + f, SplitPart.TRAIN, fitPart.caseIdHash(), fitPart.rows()));
                aucs[f] = RankAuc.auc(m.linearPredictor(held), held.labels());
            }
            double mean = NumpySum.mean(aucs);
            double ss = 0;
            for (double a : aucs) {
                ss += (a - mean) * (a - mean);
            }
            points.add(new CvPoint(c, aucs, mean, Math.sqrt(ss / (k - 1)) / Math.sqrt(k)));
        }
        double[] choice = choose(points, spec.rule(), spec.aggregate());
        CvPoint best = points.stream().filter(p -> p.c() == choice[0]).findFirst().orElseThrow();
        double chosen = choice[1];
        LassoLogistic.Spec finalSpec = new LassoLogistic.Spec(chosen, spec.eps(), spec.maxIterations(), 0L);
        LinearModel finalModel = LassoLogistic.fitUnguarded(t, finalSpec, fittedOn);
        Map<String, Object> specMap = new LinkedHashMap<>(spec.asMap());
        specMap.put("chosenC", chosen);
        specMap.put("bestC", best.c());
        specMap.put("foldsGiven", foldsGiven);
        specMap.put("foldOfRowHash", CaseIdHash.sha256(Arrays.toString(foldOfRow)));
        FitProvenance prov = new FitProvenance("lasso-cv", specMap,
                foldsGiven ? Map.of("liblinear", 0L) : Map.of("folds", spec.foldSeed(), "liblinear", 0L),
                finalModel.provenance().dataHash(), fittedOn, finalModel.provenance().libraryVersions(),
                finalModel.provenance().tribuoProvenance());
        LinearModel withProv = new LinearModel(finalModel.featureNames(), finalModel.intercept(), finalModel.coef(),
                fittedOn, prov);
        return new Result(points, best.c(), chosen, spec.rule(), foldOfRow, withProv, fittedOn);
    }

    /**
     * The choice rule on computed CV points (grid ascending in C): {best C = first maximum of the aggregate in grid
     * order, chosen C (= best, or the 1-SE choice)}.
     */
    static double[] choose(List<CvPoint> points, Rule rule, Aggregate aggregate) {
        CvPoint best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (CvPoint p : points) {
            double score = switch (aggregate) {
                case NUMPY_MEAN -> p.meanAuc();
                case LOGISTIC_REGRESSION_CV -> NumpySum.sequential(p.foldAucs());
            };
            if (best == null || score > bestScore) { // strict: an exact tie keeps the earlier (smaller) C
                best = p;
                bestScore = score;
            }
        }
        double chosen = best.c();
        if (rule == Rule.ONE_SE) {
            double bar = best.meanAuc() - best.seAuc();
            for (CvPoint p : points) {
                if (p.meanAuc() >= bar) {
                    chosen = p.c();
                    break;
                }
            }
        }
        return new double[] {best.c(), chosen};
    }

    private static int[][] split(int[] foldOfRow, int f) {
        int nHeld = 0;
        for (int v : foldOfRow) {
            if (v == f) {
                nHeld++;
            }
        }
        int[] fit = new int[foldOfRow.length - nHeld];
        int[] held = new int[nHeld];
        int a = 0;
        int b = 0;
        for (int i = 0; i < foldOfRow.length; i++) {
            if (foldOfRow[i] == f) {
                held[b++] = i;
            } else {
                fit[a++] = i;
            }
        }
        return new int[][] {fit, held};
    }
}
