package nodus.radiomics.filter;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import nodus.imaging.GrayImage;

/**
 * Reads the reference files made by {@code src/test/resources/radiomics/filters/make_filter_reference.py}
 * (pyradiomics 3.0.1, SimpleITK 2.5.7, PyWavelets 1.9.0, numpy 1.26.4).
 */
final class FilterReference {

    static final String DIR = "/radiomics/filters/";

    record Window(String imageType, String window, int x0, int y0, int w, int h, double[] values) {
    }

    private FilterReference() {
    }

    static List<Window> windows(String caseName) {
        List<Window> out = new ArrayList<>();
        for (String[] row : csv(caseName + "_windows.csv")) {
            String[] tokens = row[6].trim().split(" ");
            double[] values = new double[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                values[i] = Double.parseDouble(tokens[i]);
            }
            out.add(new Window(row[0], row[1], Integer.parseInt(row[2]), Integer.parseInt(row[3]),
                    Integer.parseInt(row[4]), Integer.parseInt(row[5]), values));
        }
        return out;
    }

    /** image type → stat → value. */
    static Map<String, Map<String, Double>> stats(String caseName) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String[] row : csv(caseName + "_stats.csv")) {
            out.computeIfAbsent(row[0], k -> new LinkedHashMap<>()).put(row[1], Double.parseDouble(row[2]));
        }
        return out;
    }

    /** The 8-bit grey PNG as pyradiomics reads it with SimpleITK (1 mm pixels). */
    static GrayImage png(String name) {
        try (InputStream in = resource(name)) {
            BufferedImage img = ImageIO.read(in);
            Raster r = img.getRaster();
            if (r.getNumBands() != 1) {
                throw new IllegalStateException(name + " is not a single-channel image");
            }
            int w = img.getWidth();
            int h = img.getHeight();
            double[] px = new double[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = r.getSample(x, y, 0);
                }
            }
            return GrayImage.of(w, h, px);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The synthetic 17×13 input (0.7 mm × 1.3 mm pixels), one image row per line. */
    static GrayImage syntheticInput() {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = reader("synthetic_input.csv")) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    String[] t = line.split(",");
                    double[] row = new double[t.length];
                    for (int i = 0; i < t.length; i++) {
                        row[i] = Double.parseDouble(t[i]);
                    }
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int w = rows.get(0).length;
        double[] px = new double[w * rows.size()];
        for (int y = 0; y < rows.size(); y++) {
            System.arraycopy(rows.get(y), 0, px, y * w, w);
        }
        return new GrayImage(w, rows.size(), px, 0.7, 1.3);
    }

    static boolean[] mask(String name) {
        GrayImage m = png(name);
        double[] px = m.pixels();
        boolean[] inside = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            inside[i] = px[i] > 0;
        }
        return inside;
    }

    /** Minimal CSV: header skipped; only the 7th column may be quoted or contain spaces; ',' never inside. */
    private static List<String[]> csv(String name) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = reader(name)) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(","));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static BufferedReader reader(String name) {
        return new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8));
    }

    private static InputStream resource(String name) {
        InputStream in = FilterReference.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + DIR + name);
        }
        return in;
    }
}
