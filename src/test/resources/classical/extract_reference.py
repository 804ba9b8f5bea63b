"""Copies the parts of /work/shared/reference/reference_values.json that the classical tests check
(spearman_filter, lasso_cv, pca, versions) into classical_reference.json. The numbers themselves were made by
make_reference.py (copied here unchanged) with numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1 on Python 3.11."""
import json
d = json.load(open('/work/shared/reference/reference_values.json'))
json.dump({k: d[k] for k in ('versions', 'spearman_filter', 'lasso_cv', 'pca')},
          open('classical_reference.json', 'w'), indent=1)
