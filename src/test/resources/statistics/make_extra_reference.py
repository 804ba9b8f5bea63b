"""Extra reference values for nodus.statistics tests that /work/shared/reference does not cover.
Run from this directory with Python 3.11, numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1, statsmodels 0.15.0:
    python3 make_extra_reference.py   ->  extra_reference.json
Inputs: test_predictions.csv, univariate_features.csv, categorical_vars.csv (copied from the shared reference)."""
import json, numpy as np, pandas as pd, scipy, sklearn, statsmodels
from scipy import stats
from statsmodels.stats.proportion import proportion_confint
from sklearn.metrics import roc_auc_score
from sklearn.calibration import calibration_curve

out = {'versions': {'numpy': np.__version__, 'scipy': scipy.__version__, 'sklearn': sklearn.__version__,
                    'statsmodels': statsmodels.__version__}}
ref = json.load(open('reference_values.json'))

# Wilson 95% intervals of the Youden metrics (statsmodels proportion_confint method='wilson')
w = {}
for m in ('modelA', 'modelB'):
    y = ref['youden'][m]; tp, fp, tn, fn = y['TP'], y['FP'], y['TN'], y['FN']
    parts = {'accuracy': (tp + tn, tp + fp + tn + fn), 'sensitivity': (tp, tp + fn), 'specificity': (tn, tn + fp),
             'ppv': (tp, tp + fp), 'npv': (tn, tn + fn)}
    w[m] = {k: list(map(float, proportion_confint(a, b, alpha=0.05, method='wilson'))) for k, (a, b) in parts.items()}
    w[m]['f1'] = 2 * tp / (2 * tp + fp + fn)
out['wilson'] = w
out['wilson_edge'] = {'0_of_10': list(map(float, proportion_confint(0, 10, method='wilson'))),
                      '10_of_10': list(map(float, proportion_confint(10, 10, method='wilson'))),
                      '1_of_1': list(map(float, proportion_confint(1, 1, method='wilson')))}

# D'Agostino-Pearson K^2 (scipy.stats.normaltest) per feature: malignant group, benign group, all
u = pd.read_csv('univariate_features.csv'); nt = {}
for f in u.columns[2:]:
    a, b = u.loc[u.label == 1, f].values, u.loc[u.label == 0, f].values
    nt[f] = {g: {'k2': float(r.statistic), 'p': float(r.pvalue)} for g, r in
             (('malignant', stats.normaltest(a)), ('benign', stats.normaltest(b)), ('all', stats.normaltest(u[f].values)))}
rng = np.random.default_rng(7); gauss = rng.normal(5.0, 2.0, 50)
nt['gaussian50'] = {'values': gauss.tolist(), 'k2': float(stats.normaltest(gauss).statistic), 'p': float(stats.normaltest(gauss).pvalue)}
out['normaltest'] = nt

# Fisher exact odds ratio (scipy statistic) on the area table; Fisher on a small table
tab2 = np.array(ref['chi_square']['area_gt_700_x_label']['table_rows_area<=700,>700_cols_label0,1'])
small = np.array([[3, 1], [1, 3]])
out['fisher'] = {'area_odds_ratio': float(stats.fisher_exact(tab2).statistic),
                 'small_table': small.tolist(), 'small_p': float(stats.fisher_exact(small).pvalue),
                 'small_odds_ratio': float(stats.fisher_exact(small).statistic)}
sm = stats.chi2_contingency(small, correction=True)
out['yates_small'] = {'chi2': float(sm.statistic), 'p': float(sm.pvalue)}

# Small vectors: Student/Welch/MWU (exactly tied values), for hand-checkable tests
a = np.array([1.0, 2.0, 2.0, 3.0, 4.0]); b = np.array([2.0, 3.0, 5.0, 6.0, 6.0, 7.0])
out['small_two_sample'] = {'a': a.tolist(), 'b': b.tolist(),
    'student': [float(x) for x in stats.ttest_ind(a, b)[:2]], 'welch': [float(x) for x in stats.ttest_ind(a, b, equal_var=False)[:2]],
    'welch_df': float(stats.ttest_ind(a, b, equal_var=False).df),
    'mwu': [float(x) for x in stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic', use_continuity=True)]}

# Brute-force O(m n) DeLong on small tied vectors and with a single event (independent of the fast algorithm)
def naive(y, p):
    pos, neg = p[y == 1], p[y == 0]
    K = (pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])
    V10, V01 = K.mean(1), K.mean(0)
    var = (V10.var(ddof=1) / len(pos) if len(pos) > 1 else float('nan')) + V01.var(ddof=1) / len(neg)
    return float(K.mean()), float(var)
ys = np.array([1, 1, 1, 0, 0, 0, 0, 1, 0, 1]); ps = np.array([0.9, 0.7, 0.7, 0.7, 0.2, 0.4, 0.9, 0.3, 0.3, 0.55])
out['small_delong'] = {'labels': ys.tolist(), 'scores': ps.tolist(), 'auc': naive(ys, ps)[0], 'var': naive(ys, ps)[1],
                       'auc_sklearn': float(roc_auc_score(ys, ps))}
y1 = np.array([0, 0, 1, 0, 0]); p1 = np.array([0.1, 0.5, 0.4, 0.3, 0.2])
out['single_event'] = {'labels': y1.tolist(), 'scores': p1.tolist(), 'auc_sklearn': float(roc_auc_score(y1, p1))}
fp_, mp_ = calibration_curve(ys, ps, n_bins=4, strategy='quantile')
out['small_calibration_quantile4'] = {'fraction_of_positives': fp_.tolist(), 'mean_predicted': mp_.tolist()}
json.dump(out, open('extra_reference.json', 'w'), indent=1)
