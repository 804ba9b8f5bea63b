package nodus.cohort;

import java.util.Locale;
import java.util.Set;

/** Cell texts that mean "not recorded" in clinical tables (BrEaST-Lesions-USG writes "not available"). */
final class MissingValues {

    private static final Set<String> MARKERS = Set.of("", "na", "n/a", "nan", "null", "not available", "missing", "-");

    private MissingValues() {
    }

    static boolean isMissing(String value) {
        return value == null || MARKERS.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    /** The number in a cell, accepting a decimal comma (European spreadsheets); null when not a number. */
    static Double parseNumber(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
