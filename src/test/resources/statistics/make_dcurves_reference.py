"""Net benefit at pt = 0.01..0.99 from dcurves (Python port of the R/Stata dca), for DecisionCurve tests.
Run from this directory with Python 3.11, dcurves 1.1.7, pandas, numpy 2.4.6:
    python3 make_dcurves_reference.py  ->  dcurves_net_benefit.csv (threshold, nb_A, nb_B, nb_all, nb_none)"""
import numpy as np, pandas as pd, dcurves
d = pd.read_csv('test_predictions.csv').rename(columns={'p_modelA_mean_radius_only': 'A', 'p_modelB_l1_all30': 'B'})
r = dcurves.dca(data=d, outcome='label', modelnames=['A', 'B'], thresholds=np.arange(0.01, 1.0, 0.01))
w = r.pivot(index='threshold', columns='model', values='net_benefit').reset_index()
w = w.rename(columns={'A': 'nb_A', 'B': 'nb_B', 'all': 'nb_all', 'none': 'nb_none'})
w[['threshold', 'nb_A', 'nb_B', 'nb_all', 'nb_none']].to_csv('dcurves_net_benefit.csv', index=False, float_format='%.17g')
