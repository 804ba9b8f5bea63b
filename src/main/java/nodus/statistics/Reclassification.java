package nodus.statistics;

/**
 * Net reclassification improvement and integrated discrimination improvement of a new model over an old one on the
 * same cases (Pencina et al. 2008, Stat Med 27:157; continuous NRI: Pencina et al. 2011, Stat Med 30:11).
 * Standard errors are the asymptotic ones of Hmisc {@code improveProb}:
 * Var(NRI) = (u_e + d_e)/n_e² − (u_e − d_e)²/n_e³ + (u_n + d_n)/n_n² − (u_n − d_n)²/n_n³, with u/d the counts of
 * events (e) and non-events (n) moved up/down; Var(IDI) = var(Δp | events)/n_e + var(Δp | non-events)/n_n with
 * sample variances (n−1). CIs are Wald intervals; {@link Bootstrap} gives percentile intervals instead.
 */
public final class Reclassification {

    private Reclassification() {
    }

    /**
     * @param measure "nri_continuous", "nri_categorical" or "idi"
     * @param estimate events component + non-events component
     * @param events component among events (NRI: P(up) − P(down); IDI: Δ mean p)
     * @param nonEvents component among non-events (NRI: P(down) − P(up); IDI: −Δ mean p)
     * @param se asymptotic standard error
     * @param z estimate / se
     * @param p two-sided p-value
     * @param ciLow Wald lower limit
     * @param ciHigh Wald upper limit
     */
    public record Result(String measure, double estimate, double events, double nonEvents, double se, double z,
                         double p, double ciLow, double ciHigh) {
    }

    /** Category-free NRI: "up" means any increase of the predicted risk. */
    public static Result nriContinuous(double[] labels, double[] oldP, double[] newP) {
        int[] oldCat = new int[oldP.length];
        int[] newCat = new int[newP.length];
        check(labels, oldP, newP);
        return nri("nri_continuous", labels, oldP, newP, oldCat, newCat, true);
    }

    /**
     * Categorical NRI with risk categories cut at {@code cutpoints} (ascending; category = number of cut points
     * ≤ p, e.g. cut points {0.1, 0.3} give &lt;10 %, 10–30 %, ≥30 %).
     */
    public static Result nriCategorical(double[] labels, double[] oldP, double[] newP, double[] cutpoints) {
        check(labels, oldP, newP);
        for (int i = 1; i < cutpoints.length; i++) {
            if (!(cutpoints[i] > cutpoints[i - 1])) {
                throw new IllegalArgumentException("cut points must be strictly ascending");
            }
        }
        if (cutpoints.length == 0) {
            throw new IllegalArgumentException("categorical NRI needs at least one cut point");
        }
        int[] oldCat = new int[oldP.length];
        int[] newCat = new int[newP.length];
        for (int i = 0; i < oldP.length; i++) {
            oldCat[i] = Sorted.countAtOrBelow(cutpoints, oldP[i]);
            newCat[i] = Sorted.countAtOrBelow(cutpoints, newP[i]);
        }
        return nri("nri_categorical", labels, oldP, newP, oldCat, newCat, false);
    }

    private static Result nri(String name, double[] labels, double[] oldP, double[] newP, int[] oldCat,
                              int[] newCat, boolean continuous) {
        double upE = 0;
        double downE = 0;
        double upN = 0;
        double downN = 0;
        double nE = 0;
        double nN = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean up = continuous ? newP[i] > oldP[i] : newCat[i] > oldCat[i];
            boolean down = continuous ? newP[i] < oldP[i] : newCat[i] < oldCat[i];
            if (labels[i] == 1.0) {
                nE++;
                upE += up ? 1 : 0;
                downE += down ? 1 : 0;
            } else {
                nN++;
                upN += up ? 1 : 0;
                downN += down ? 1 : 0;
            }
        }
        double ev = (upE - downE) / nE;
        double ne = (downN - upN) / nN;
        double var = (upE + downE) / (nE * nE) - (upE - downE) * (upE - downE) / (nE * nE * nE)
                + (upN + downN) / (nN * nN) - (upN - downN) * (upN - downN) / (nN * nN * nN);
        return wald(name, ev + ne, ev, ne, Math.sqrt(var));
    }

    /** IDI = (mean p_new − mean p_old | events) − (mean p_new − mean p_old | non-events). */
    public static Result idi(double[] labels, double[] oldP, double[] newP) {
        check(labels, oldP, newP);
        int n = labels.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = newP[i] - oldP[i];
        }
        double[] de = Sorted.select(d, labels, 1.0);
        double[] dn = Sorted.select(d, labels, 0.0);
        double ev = DeLong.mean(de);
        double ne = -DeLong.mean(dn);
        double var = DeLong.covariance(de, de) / de.length + DeLong.covariance(dn, dn) / dn.length;
        return wald("idi", ev + ne, ev, ne, Math.sqrt(var));
    }

    private static Result wald(String name, double est, double ev, double ne, double se) {
        double z = se > 0 ? est / se : Double.NaN;
        double crit = Normal.critical(0.95);
        return new Result(name, est, ev, ne, se, z, Normal.twoSidedP(z), est - crit * se, est + crit * se);
    }

    private static void check(double[] labels, double[] oldP, double[] newP) {
        Checks.probabilities(labels, oldP);
        Checks.probabilities(labels, newP);
    }
}
