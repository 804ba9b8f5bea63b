package nodus.cohort;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;

/**
 * The deterministic synthetic demo cohort (see docs/demo-cohort.md): per case, clinical variables drawn with
 * label-dependent frequencies shaped on Table 1 of Wei et al. (QIMS 2023) and a breast-ultrasound-like B-mode image
 * whose lesion follows those variables, with its exact mask. Same seed and size → identical cases and pixels.
 *
 * <p>Classes N0 / N+(1–2) / N+(≥3) keep the reference study's proportions 639 : 98 : 155 (892 patients), scaled to
 * the demo size by largest remainder (300 → 215 / 33 / 52).
 */
public final class DemoCohortGenerator {

    public static final List<String> CLASSES = List.of("N0", "N+(1-2)", "N+(>=3)");
    static final int[] REFERENCE_CLASS_SIZES = {639, 98, 155};
    /** Field of view of the synthetic images: 64 mm, so a 128-px image has 0.5 mm pixels. */
    public static final double FIELD_OF_VIEW_MM = 64;

    /** One synthetic case. */
    public record DemoCase(String caseId, int labelIndex, Map<String, String> values, GrayImage image, Mask mask) {
    }

    /** A categorical variable's levels and its per-class level probabilities (rows N0, N+(1–2), N+(≥3)). */
    record Categorical(String name, List<String> levels, double[][] probs, boolean ordinal) {
    }

    /*
     * Per-class level probabilities, rows = N0, N+(1–2), N+(≥3). Shaped on the direction and rough size of the
     * differences in the reference study's Table 1 (larger tumours, positive axillary US, irregular shape,
     * non-circumscribed margin, calcification, higher vascularity and Ki-67 go with nodal metastasis). The exact
     * published counts were not available when this was written; see docs/demo-cohort.md.
     */
    static final List<Categorical> CATEGORICALS = List.of(
            bin("axillary_us", "negative", "positive", 0.12, 0.35, 0.62),
            bin("isat", "absent", "present", 0.10, 0.22, 0.33),
            bin("iiat", "absent", "present", 0.08, 0.18, 0.28),
            bin("echo_halo", "absent", "present", 0.22, 0.40, 0.50),
            bin("laterality", "left", "right", 0.49, 0.49, 0.50),
            new Categorical("quadrant", List.of("upper outer", "lower outer", "upper inner", "lower inner", "central"),
                    new double[][] {{0.52, 0.13, 0.17, 0.10, 0.08}, {0.50, 0.13, 0.15, 0.10, 0.12},
                            {0.50, 0.12, 0.14, 0.10, 0.14}}, false),
            bin("shape", "regular", "irregular", 0.72, 0.84, 0.90),
            bin("orientation", "parallel", "not parallel", 0.30, 0.34, 0.38),
            bin("margin", "circumscribed", "not circumscribed", 0.78, 0.88, 0.93),
            bin("echo_pattern", "hypoechoic", "heterogeneous", 0.35, 0.42, 0.50),
            new Categorical("posterior_feature", List.of("none", "enhancement", "shadowing", "combined"),
                    new double[][] {{0.50, 0.15, 0.28, 0.07}, {0.44, 0.14, 0.33, 0.09}, {0.38, 0.14, 0.38, 0.10}},
                    false),
            bin("calcification", "absent", "present", 0.40, 0.52, 0.62),
            new Categorical("vascularity", List.of("0", "I", "II", "III"),
                    new double[][] {{0.30, 0.35, 0.25, 0.10}, {0.22, 0.33, 0.30, 0.15}, {0.15, 0.30, 0.33, 0.22}},
                    true),
            bin("er", "negative", "positive", 0.74, 0.80, 0.81),
            bin("pr", "negative", "positive", 0.66, 0.72, 0.70),
            bin("her2", "negative", "positive", 0.24, 0.27, 0.31),
            new Categorical("ki67", List.of("<20%", ">=20%"),
                    new double[][] {{0.48, 0.52}, {0.38, 0.62}, {0.30, 0.70}}, true),
            new Categorical("pathology", List.of("IDC", "ILC", "other"),
                    new double[][] {{0.80, 0.06, 0.14}, {0.86, 0.07, 0.07}, {0.88, 0.08, 0.04}}, false));

    /** Age (years) and tumour size (mm, longest diameter): mean and SD per class. */
    static final double[][] AGE = {{49.5, 10.5}, {50.5, 10.5}, {51.5, 11.0}};
    static final double[][] SIZE = {{18.5, 7.0}, {22.0, 8.0}, {26.5, 9.0}};

    private DemoCohortGenerator() {
    }

    private static Categorical bin(String name, String no, String yes, double p0, double p1, double p2) {
        return new Categorical(name, List.of(no, yes), new double[][] {{1 - p0, p0}, {1 - p1, p1}, {1 - p2, p2}},
                false);
    }

    /** The typed variables of the demo dataset, in column order (aln_status is the outcome). */
    public static List<Variable> variables() {
        List<Variable> vars = new ArrayList<>();
        vars.add(Variable.numeric("age", VariableRole.PREDICTOR));
        vars.add(Variable.numeric("tumour_size_mm", VariableRole.PREDICTOR));
        for (Categorical c : CATEGORICALS) {
            vars.add(c.ordinal() ? Variable.ordinal(c.name(), VariableRole.PREDICTOR, c.levels())
                    : Variable.categorical(c.name(), VariableRole.PREDICTOR, c.levels()));
        }
        vars.add(Variable.ordinal("aln_status", VariableRole.OUTCOME, CLASSES));
        return vars;
    }

    /** Class sizes for {@code n} cases, proportional to 639 : 98 : 155 (largest remainder). */
    public static int[] classSizes(int n) {
        double[] ratios = new double[REFERENCE_CLASS_SIZES.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = REFERENCE_CLASS_SIZES[i];
        }
        long[] sizes = Splitter.largestRemainder(n, ratios);
        return new int[] {(int) sizes[0], (int) sizes[1], (int) sizes[2]};
    }

    public static List<DemoCase> generate(int n, int size, long seed) {
        if (n < 10 || size < 32) {
            throw new IllegalArgumentException("demo cohort needs at least 10 cases of at least 32 px");
        }
        return generate(n, size, seed, true);
    }

    /**
     * The clinical values only (image and mask null): the same values as {@link #generate} for the same n and
     * seed, without rendering, so that the per-class frequencies can be checked on a large cohort in milliseconds.
     */
    static List<DemoCase> clinical(int n, long seed) {
        return generate(n, 32, seed, false);
    }

    private static List<DemoCase> generate(int n, int size, long seed, boolean images) {
        Random random = new Random(seed);
        int[] sizes = classSizes(n);
        List<Integer> labels = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            for (int i = 0; i < sizes[k]; i++) {
                labels.add(k);
            }
        }
        Collections.shuffle(labels, random);
        List<DemoCase> cases = new ArrayList<>(n);
        int digits = Integer.toString(n).length();
        for (int i = 0; i < n; i++) {
            int label = labels.get(i);
            // One Random per case, derived from the seed: a case does not change when n changes. The seed is
            // scrambled (SplitMix64) because java.util.Random's first outputs for adjacent seeds are correlated.
            Random r = new Random(mix64(seed + 0x9E3779B97F4A7C15L * (i + 1)));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("age", Long.toString(Math.round(clamp(AGE[label][0] + AGE[label][1] * r.nextGaussian(), 25, 85))));
            double sizeMm = clamp(SIZE[label][0] + SIZE[label][1] * r.nextGaussian(), 5, 50);
            sizeMm = Math.round(sizeMm * 10) / 10.0;
            values.put("tumour_size_mm", Double.toString(sizeMm));
            for (Categorical c : CATEGORICALS) {
                values.put(c.name(), c.levels().get(draw(r, c.probs()[label])));
            }
            values.put("aln_status", CLASSES.get(label));
            String id = String.format("demo%0" + digits + "d", i + 1);
            if (!images) {
                cases.add(new DemoCase(id, label, values, null, null));
                continue;
            }
            // A hidden per-case "aggressiveness" that shifts with the class: image signal beyond the table.
            double latent = 0.45 * label + r.nextGaussian();
            SyntheticUltrasound.Result img = SyntheticUltrasound.render(values, sizeMm, latent, size, FIELD_OF_VIEW_MM / size, r);
            cases.add(new DemoCase(id, label, values, img.image(), img.mask()));
        }
        return cases;
    }

    /** The SplitMix64 finaliser (Steele, Lea &amp; Flood 2014): spreads adjacent seeds over all 64 bits. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int draw(Random r, double[] probs) {
        double u = r.nextDouble();
        double acc = 0;
        for (int k = 0; k < probs.length; k++) {
            acc += probs[k];
            if (u < acc) {
                return k;
            }
        }
        return probs.length - 1;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
