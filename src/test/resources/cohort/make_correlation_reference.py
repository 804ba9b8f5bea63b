"""Pearson r reference for the correlation heat map: numpy.corrcoef on WDBC (wdbc_raw.csv, categorical_vars.csv).
Run: python3 make_correlation_reference.py > correlation_reference.csv   (numpy, Python 3.11)"""
import csv
import numpy as np

raw = list(csv.DictReader(open("wdbc_raw.csv")))
cat = list(csv.DictReader(open("categorical_vars.csv")))
cols = {f: np.array([float(r[f]) for r in raw]) for f in ["mean_radius", "mean_texture", "mean_smoothness", "mean_fractal_dimension"]}
cols["area_gt_700"] = np.array([float(r["area_gt_700"]) for r in cat])
names = list(cols)
print("a,b,r,numpy")
for i, a in enumerate(names):
    for b in names[i + 1:]:
        print(f"{a},{b},{float(np.corrcoef(cols[a], cols[b])[0, 1])!r},{np.__version__}")
