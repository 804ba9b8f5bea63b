"""How the shared reference chose C, and what scikit-learn's LogisticRegressionCV would choose on the same folds.

Run from this folder with numpy 2.4.6 / scikit-learn 1.9.1 (the reference's versions), Python 3.11:
    python3 lasso_cv_mean_check.py > lasso_cv_mean_check.txt

1. The reference (make_reference.py, lasso_cv) computes for each C `np.mean(aucs_f)` of a Python list of 10 fold
   AUCs -> a 1-D contiguous float64 array -> numpy's pairwise summation (loops_utils.h.src `pairwise_sum`: n < 8
   sequential from 0.0; 8 <= n <= 128: eight accumulators seeded with a[0..7], stepped by 8 over the largest multiple
   of 8, combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remainder added one by one; n > 128: split at
   n/2 rounded down to a multiple of 8, recurse, add the halves) started from the add identity 0.0, then / n.
   It picks max(mean) with ties -> smaller C, i.e. the first maximum in ascending grid order (= np.argmax).
2. LogisticRegressionCV instead takes `scores.sum(axis=0).argmax()` on the (folds, Cs) C-contiguous score array:
   the reduction axis is not the contiguous one, so numpy adds fold rows one after another (sequential sum, no
   division). On an exact tie the two roundings can disagree by one ulp.
"""
import numpy as np, pandas as pd, sklearn, json
from sklearn.linear_model import LogisticRegressionCV
from sklearn.model_selection import PredefinedSplit

ref = json.load(open('classical_reference.json'))['lasso_cv']


def pairwise_sum(a):
    """Port of numpy's DOUBLE_pairwise_sum for a contiguous array (stride 1)."""
    n = len(a)
    if n < 8:
        res = 0.0
        for v in a:
            res += v
        return res
    if n <= 128:
        r = [float(v) for v in a[:8]]
        i = 8
        while i < n - (n % 8):
            for j in range(8):
                r[j] += a[i + j]
            i += 8
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n:
            res += a[i]
            i += 1
        return res
    n2 = n // 2
    n2 -= n2 % 8
    return pairwise_sum(a[:n2]) + pairwise_sum(a[n2:])


print('numpy', np.__version__, 'sklearn', sklearn.__version__)
S = np.array([p['fold_aucs'] for p in ref['cv']]).T.copy()     # (folds, Cs), C-contiguous as in LogisticRegressionCV
for j, p in enumerate(ref['cv']):
    a = p['fold_aucs']
    seq = 0.0
    for v in a:
        seq += v
    assert np.mean(a) == p['mean_auc'] == pairwise_sum(a) / len(a), p['C']
    assert S.sum(axis=0)[j] == seq                               # strided axis: sequential over folds
    print(f"C={p['C']!r:24} np.mean={np.mean(a)!r:20} pairwise_sum={pairwise_sum(a)!r:20} sequential_sum={seq!r}")
means = [p['mean_auc'] for p in ref['cv']]
print('reference best_C', ref['best_C'], '= first argmax of np.mean:', ref['cv'][int(np.argmax(means))]['C'])
print('argmax of the sequential fold sum (LogisticRegressionCV rule):', ref['cv'][int(np.argmax(S.sum(axis=0)))]['C'])

# LogisticRegressionCV itself on the same inputs and folds (roc_auc scoring, liblinear L1, tol 1e-8)
raw = pd.read_csv('wdbc_raw.csv')
feat = [c for c in raw.columns if c not in ('row', 'label')]
tr = pd.read_csv('split_train_rows.csv').row.values
folds = pd.read_csv('cv_folds_train.csv').set_index('row').loc[tr, 'fold'].values
X, y = raw[feat].values, raw.label.values
mu, sd = X[tr].mean(0), X[tr].std(0, ddof=0)
kept = [feat.index(f) for f in json.load(open('classical_reference.json'))['spearman_filter']['kept']]
Ztr = ((X - mu) / sd)[tr][:, kept]
cvm = LogisticRegressionCV(Cs=np.logspace(-2, 1, 13), cv=PredefinedSplit(folds), penalty='l1', solver='liblinear',
                           scoring='roc_auc', tol=1e-8, max_iter=10000, random_state=0).fit(Ztr, y[tr])
sc = cvm.scores_[1]
print('LogisticRegressionCV fold AUCs equal the reference:', bool(np.allclose(sc, S, atol=1e-12, rtol=0)),
      'max |diff|', float(np.abs(sc - S).max()))
print('LogisticRegressionCV C_:', float(cvm.C_[0]))

# NumpySum unit check values: x_i = 1/(i+3) + 1e-3*i, i = 0..n-1, for the three branches of pairwise_sum
for n in (5, 17, 300):
    x = np.array([1.0 / (i + 3) + 1e-3 * i for i in range(n)])
    assert np.sum(x) == pairwise_sum(list(x))
    print(f'np.sum(x_{n}) = {float(np.sum(x))!r}   np.mean = {float(np.mean(x))!r}')
