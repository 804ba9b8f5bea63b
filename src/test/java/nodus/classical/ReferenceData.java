package nodus.classical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared reference (copied to src/test/resources/classical/ from /work/shared/reference/, made by
 * make_reference.py with numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1): WDBC (label 1 = malignant), its 70/30
 * stratified split, the 10 CV folds and the expected numbers.
 */
final class ReferenceData {

    static final String DIR = "/classical/";

    private ReferenceData() {
    }

    static List<String[]> csv(String name) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try (InputStream in = ReferenceData.class.getResourceAsStream(DIR + name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All 569 WDBC rows; case id = the row number as text. */
    static FeatureTable wdbc() {
        List<String[]> rows = csv("wdbc_raw.csv");
        String[] header = rows.get(0);
        List<String> names = Arrays.asList(header).subList(2, header.length);
        List<String> ids = new ArrayList<>();
        double[][] v = new double[rows.size() - 1][];
        int[] y = new int[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            String[] r = rows.get(i);
            ids.add(r[0]);
            y[i - 1] = Integer.parseInt(r[1]);
            v[i - 1] = new double[names.size()];
            for (int j = 0; j < names.size(); j++) {
                v[i - 1][j] = Double.parseDouble(r[j + 2]);
            }
        }
        return new FeatureTable(ids, names, v, y);
    }

    static List<String> firstColumn(String name) {
        List<String[]> rows = csv(name);
        List<String> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            out.add(rows.get(i)[0]);
        }
        return out;
    }

    static FeatureTable train() {
        return wdbc().rowsOf(firstColumn("split_train_rows.csv"));
    }

    static FeatureTable test() {
        return wdbc().rowsOf(firstColumn("split_test_rows.csv"));
    }

    /** Fold id of each training row, in the order of split_train_rows.csv. */
    static int[] folds(FeatureTable train) {
        Map<String, Integer> byRow = new HashMap<>();
        for (String[] r : csv("cv_folds_train.csv").subList(1, csv("cv_folds_train.csv").size())) {
            byRow.put(r[0], Integer.parseInt(r[1]));
        }
        return train.caseIds().stream().mapToInt(byRow::get).toArray();
    }

    static JsonNode values() {
        return json("classical_reference.json");
    }
}
