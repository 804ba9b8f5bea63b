"""Reference p-values for the small-table branch of Table 1 (Fisher's exact test when a 2x2 table has an expected
count below 5) and for a Pearson chi-square on a 2x2 table without continuity correction.
Run: python3 make_fisher_reference.py > fisher_reference.csv   (scipy 1.17.1, Python 3.11)"""
import scipy
from scipy.stats import fisher_exact, chi2_contingency

tables = {
    "small_a": [[1, 6], [5, 2]],
    "small_b": [[1, 11], [6, 7]],
    "small_c": [[0, 5], [4, 3]],
}
print("name,a,b,c,d,fisher_p,chi2_nocorr_p,scipy")
for name, t in tables.items():
    p = fisher_exact(t, alternative="two-sided").pvalue
    cp = chi2_contingency(t, correction=False).pvalue
    print(f"{name},{t[0][0]},{t[0][1]},{t[1][0]},{t[1][1]},{float(p)!r},{float(cp)!r},{scipy.__version__}")
