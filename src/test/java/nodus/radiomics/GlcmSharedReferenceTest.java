package nodus.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nodus.imaging.ClipMode;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.IntensityClipping;
import nodus.imaging.Mask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's shared radiomics reference (reference/radiomics, made by reference/scripts/make_glcm_ref.py with
 * numpy 2.4.6 / scikit-image 0.26.0; copied into src/test/resources/radiomics): the image clipped to the lesion's
 * [P0.5, P99.5], discretised images, angle-0 co-occurrence counts, GLCM features averaged over 4 angles and
 * first-order features, binWidth 25 and 5, to 1e-9.
 */
class GlcmSharedReferenceTest {

    static Path resource(String name) throws Exception {
        return Path.of(GlcmSharedReferenceTest.class.getResource("/radiomics/" + name).toURI());
    }

    static int[][] csv(String name) throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(resource(name), StandardCharsets.UTF_8);
        int[][] out = new int[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split(",");
            out[i] = new int[parts.length];
            for (int j = 0; j < parts.length; j++) {
                out[i][j] = (int) Double.parseDouble(parts[j]);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "binWidth {0}")
    @ValueSource(ints = {25, 5})
    void matchesSharedReference(int bw) throws Exception {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/radiomics/glcm_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        GrayImage image = ImageFiles.readImage(resource("image.png"));
        Mask mask = ImageFiles.readMask(resource("mask.png"), null);
        assertThat(mask.count()).isEqualTo(ref.get("roi_pixels").asInt());
        double[] range = IntensityClipping.range(image, mask, ClipMode.LESION);
        assertThat(range).containsExactly(ref.get("clip_p0_5").asDouble(), ref.get("clip_p99_5").asDouble());
        GrayImage clipped = IntensityClipping.clip(image, mask, ClipMode.LESION);
        RadiomicsSettings s = RadiomicsSettings.builder().optBinWidth(bw).optClip(ClipMode.NONE).build();
        RoiGrid g = RoiGrid.of(clipped, mask, s);

        // discretised image (0 outside the ROI); the grid is the mask's bounding box
        int[][] disc = csv("discretised_bw" + bw + ".csv");
        nodus.imaging.RoiCrop.Box box = nodus.imaging.RoiCrop.boundingBox(mask);
        for (int y = 0; y < 500; y++) {
            for (int x = 0; x < 500; x++) {
                boolean inBox = x >= box.x0() && x < box.x1() && y >= box.y0() && y < box.y1();
                int got = inBox ? g.levels[(y - box.y0()) * g.w + (x - box.x0())] : 0;
                assertThat(got).as("level at x=%d y=%d", x, y).isEqualTo(disc[y][x]);
            }
        }
        JsonNode r = ref.get("glcm").get("binWidth_" + bw);
        assertThat(g.ng).isEqualTo(r.get("Ng").asInt());

        // angle 0 of skimage = offset (row 0, col +1) = pyradiomics' (0, 1); symmetric counts over levels 1..Ng
        int[][] angles = Angles.generate(g.h, g.w, List.of(1), false);
        double[][][] raw = GlcmFeatures.counts(g, angles);
        int a0 = 3;
        assertThat(angles[a0]).containsExactly(0, 1);
        int[][] counts = csv("glcm_bw" + bw + "_angle0_counts.csv");
        for (int i = 0; i < g.ng; i++) {
            for (int j = 0; j < g.ng; j++) {
                assertThat(raw[a0][i][j] + raw[a0][j][i]).isEqualTo(counts[i][j]);
            }
        }
        // pair counts per angle, skimage order 0°, 45°, 90°, 135°, against pyradiomics' offsets ±(0,1), ±(1,1),
        // ±(1,0), ±(1,−1) (row, col); symmetric counts do not depend on the sign of the offset. (The four totals
        // differ, so this also pins which skimage angle is which offset.)
        int[] order = {3, 0, 1, 2};
        for (int k = 0; k < 4; k++) {
            double total = 0;
            for (double[] row : raw[order[k]]) {
                for (double v : row) {
                    total += 2 * v;
                }
            }
            assertThat(total).isEqualTo(r.get("glcm_pair_counts_per_angle").get(k).asDouble());
        }

        Map<String, Double> glcm = GlcmFeatures.compute(g, s);
        List<String> bad = new ArrayList<>();
        r.get("glcm_features_mean_over_angles").fields().forEachRemaining(e -> {
            double want = e.getValue().asDouble();
            double got = glcm.get(e.getKey());
            if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
                bad.add(e.getKey() + " got " + got + " want " + want);
            }
        });
        if (bw == 25) { // the reference's first-order features use binWidth 25 for Entropy and Uniformity
            Map<String, Double> fo = FirstOrderFeatures.compute(g, 0);
            ref.get("firstorder").fields().forEachRemaining(e -> {
                double want = e.getValue().asDouble();
                double got = fo.get(e.getKey());
                if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)))) {
                    bad.add("firstorder " + e.getKey() + " got " + got + " want " + want);
                }
            });
        }
        assertThat(bad).isEmpty();
    }
}
