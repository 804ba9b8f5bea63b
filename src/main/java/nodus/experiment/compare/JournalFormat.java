package nodus.experiment.compare;

import java.util.Locale;

/**
 * Numbers as journals print them: three decimals, intervals as "0.873 (0.821–0.925)" with an en dash, p-values
 * "p &lt; 0.001" below 0.001 and three decimals otherwise (AMA/Radiology style). NaN prints as an en dash alone.
 */
public final class JournalFormat {

    public static final String DASH = "\u2013";

    private JournalFormat() {
    }

    public static String number(double v) {
        // Typographic minus (U+2212), as journals print negative estimates.
        return Double.isNaN(v) ? DASH : String.format(Locale.ROOT, "%.3f", v).replace('-', '\u2212');
    }

    public static String interval(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return DASH;
        }
        // An en dash between two negative numbers reads as a minus sign: journals write "−0.12 to 0.05" then.
        return low < 0 || high < 0 ? number(low) + " to " + number(high) : number(low) + DASH + number(high);
    }

    public static String withInterval(double v, double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return number(v);
        }
        return number(v) + " (" + interval(low, high) + ")";
    }

    /** "&lt; 0.001" or "0.042" (without the leading "p "); see {@link #p(double)}. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return DASH;
        }
        return p < 0.001 ? "< 0.001" : number(p);
    }

    /** "p &lt; 0.001" or "p = 0.042". */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "p " + DASH;
        }
        return p < 0.001 ? "p < 0.001" : "p = " + number(p);
    }
}
