"""Reference p-values for Table 1 of a 3-class task (N0 / N+(1-2) / N+(>=3) in Nodus), on iris (3 classes of 50).

Continuous: scipy.stats.f_oneway (one-way ANOVA) and scipy.stats.kruskal (Kruskal-Wallis H, tie-corrected), plus
scipy.stats.normaltest per class and the test Nodus's rule picks: ANOVA when every class has n >= 20 and normaltest
p > 0.05, else Kruskal-Wallis. Categorical: scipy.stats.chi2_contingency(correction=False) on the levels x 3 table.

Besides iris's four measurements (sl, sw, pl, pw) the script adds two columns unrelated to the class so that some
p-values are moderate rather than ~0: `mod` = (37 * i) % 23 (integers, many ties) and `mod_band` = one of a/b/c/d by
i % 4 (with i the 0-based row), `mix` = ((11 * i) % 17) / 4 + 0.4 * label and `band2` = x/y/z by
((13 * i) % 5 + label) % 3 (weakly class-related), plus `sw_band` (sw < 2.9 low, < 3.3 mid, else high).

Run: python3 make_threeclass_reference.py    (scipy 1.17.1, numpy, Python 3.11) -> writes iris3.csv and
threeclass_tests.csv next to this script, from iris.csv (copied from /work/shared/reference/iris.csv).
"""
import csv
import os

import numpy as np
import scipy
from scipy.stats import chi2_contingency, f_oneway, kruskal, normaltest

here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, "iris.csv"))))
for i, r in enumerate(rows):
    r["mod"] = str((37 * i) % 23)
    r["mod_band"] = "abcd"[i % 4]
    sw = float(r["sw"])
    r["sw_band"] = "low" if sw < 2.9 else "mid" if sw < 3.3 else "high"
    r["mix"] = repr(((11 * i) % 17) / 4 + 0.4 * int(r["label"]))
    r["band2"] = "xyz"[((13 * i) % 5 + int(r["label"])) % 3]
cols = ["label", "sl", "sw", "pl", "pw", "mod", "mix", "mod_band", "sw_band", "band2"]
with open(os.path.join(here, "iris3.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([r[c] for c in cols])

labels = np.array([int(r["label"]) for r in rows])
out = [["variable", "kind", "chosen", "normal_all", "anova_F", "anova_p", "kruskal_H", "kruskal_p", "chi2", "chi2_p",
        "chi2_df", "scipy"]]
for v in ["sl", "sw", "pl", "pw", "mod", "mix"]:
    x = np.array([float(r[v]) for r in rows])
    groups = [x[labels == k] for k in range(3)]
    normal = all(len(g) >= 20 and normaltest(g).pvalue > 0.05 for g in groups)
    a = f_oneway(*groups)
    kw = kruskal(*groups)
    out.append([v, "numeric", "anova" if normal else "kruskal_wallis", normal, repr(float(a.statistic)),
                repr(float(a.pvalue)), repr(float(kw.statistic)), repr(float(kw.pvalue)), "", "", "",
                scipy.__version__])
for v in ["mod_band", "sw_band", "band2"]:
    levels = sorted({r[v] for r in rows})
    table = [[sum(1 for r in rows if r[v] == lv and int(r["label"]) == k) for k in range(3)] for lv in levels]
    c = chi2_contingency(table, correction=False)
    out.append([v, "categorical", "chi_square", "", "", "", "", "", repr(float(c.statistic)), repr(float(c.pvalue)),
                c.dof, scipy.__version__])
with open(os.path.join(here, "threeclass_tests.csv"), "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(out)
