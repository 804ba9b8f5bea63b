package nodus.classical;

import java.util.ArrayList;
import java.util.List;

/** Small builders for test tables. */
final class Tables {

    private Tables() {
    }

    static List<String> ids(int n, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }

    static FeatureTable of(List<String> names, double[][] values, int... labels) {
        return new FeatureTable(ids(values.length, "c"), names, values, labels);
    }
}
