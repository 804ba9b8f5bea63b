package nodus.statistics;

/**
 * An AUC with its DeLong variance and Wald interval, in pROC's conventions: variance from the structural
 * components with n−1 denominators, CI = AUC ± z·SE clipped to [0, 1] ({@code ci.auc(method = "delong")}).
 *
 * <p>With a single event or a single non-event the variance is undefined (n−1 = 0): {@code variance}, {@code se}
 * and the CI are then NaN while {@code auc} is still reported; see {@link #hasInterval()}.
 *
 * @param auc area under the ROC curve (ties count ½), dimensionless in [0, 1]
 * @param variance DeLong variance of the AUC
 * @param se square root of {@code variance}
 * @param ciLow lower end of the CI, clipped at 0
 * @param ciHigh upper end of the CI, clipped at 1
 * @param level confidence level of the interval, e.g. 0.95
 * @param positives number of events (label 1)
 * @param negatives number of non-events (label 0)
 */
public record AucEstimate(double auc, double variance, double se, double ciLow, double ciHigh, double level,
                          int positives, int negatives) {

    public AucEstimate {
        if (!(auc >= 0 && auc <= 1)) {
            throw new IllegalArgumentException("AUC must be in [0, 1], got " + auc);
        }
        if (positives < 1 || negatives < 1) {
            throw new IllegalArgumentException("need at least one event and one non-event");
        }
    }

    public boolean hasInterval() {
        return !Double.isNaN(se);
    }
}
