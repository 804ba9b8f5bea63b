package nodus.statistics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test inputs and reference numbers under src/test/resources/statistics/, copied from /work/shared/reference
 * (made with numpy 2.4.6, scipy 1.17.1, scikit-learn 1.9.1 by its scripts/make_reference.py and
 * make_3class_ref.py) plus extra_reference.json made by make_extra_reference.py in the same folder.
 */
final class Reference {

    /** The tolerance the issue demands for reference values. */
    static final double TOL = 1e-9;

    private Reference() {
    }

    static JsonNode json(String name) {
        try (InputStream in = open(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a CSV file as strings (header dropped). */
    static List<String[]> csv(String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] column(List<String[]> rows, int col) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(rows.get(i)[col]);
        }
        return out;
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** test_predictions.csv: columns row, label, p of model A, p of model B. */
    record Predictions(double[] labels, double[] a, double[] b) {
        static Predictions load() {
            List<String[]> rows = csv("test_predictions.csv");
            return new Predictions(column(rows, 1), column(rows, 2), column(rows, 3));
        }
    }

    private static InputStream open(String name) {
        InputStream in = Reference.class.getResourceAsStream("/statistics/" + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource statistics/" + name);
        }
        return in;
    }
}
