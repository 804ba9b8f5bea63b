package nodus.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nodus.imaging.ClipMode;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every feature on every image type against pyradiomics 3.0.1 itself (SimpleITK 2.5.7, PyWavelets 1.9.0, numpy
 * 1.26.4), through pyradiomics parameter files read by both tools: values made by
 * src/test/resources/radiomics/make_pyradiomics_reference.py into pyradiomics_filtered_reference.json.
 * <ul>
 *   <li>{@code shared500_nodus_default}: the Nodus default file (src/main/resources/radiomics/
 *       nodus_default_params.yaml) on the shared 500×500 image — all 1,404 features (original, LoG σ 1–5 mm,
 *       wavelet LH/HL/HH/LL, square, squareroot, logarithm, exponential, gradient);</li>
 *   <li>{@code synthetic41x37_filtered_small}: an odd-sized image with 0.7 × 0.9 mm pixels, per-type overrides
 *       (LoG binWidth 5, Wavelet binWidth 10, Gradient without spacing), an integer σ ({@code log-sigma-1-mm-3D}),
 *       distances [1, 2];</li>
 *   <li>{@code synthetic41x37_filtered_force2d}: force2D with force2Ddimension 1 (texture neighbours along y only,
 *       1D wavelet {@code wavelet-H/-L}), overridden to false for Square only.</li>
 * </ul>
 * Clipping off (pyradiomics does not clip). Same names in the same order; tolerance 1e-9, relative for |values| > 1.
 */
class PyradiomicsFilteredReferenceTest {

    static final double TOL = 1e-9;

    static JsonNode reference() throws Exception {
        try (InputStream in = PyradiomicsFilteredReferenceTest.class.getResourceAsStream(
                "/radiomics/pyradiomics_filtered_reference.json")) {
            return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(in);
        }
    }

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : reference().get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyFeatureOfEveryImageTypeEqualsPyradiomics(String name, JsonNode c) throws Exception {
        GrayImage image;
        Mask mask;
        if (c.has("image_file")) {
            image = ImageFiles.readImage(PyradiomicsReferenceTest.resource(c.get("image_file").asText()));
            mask = ImageFiles.readMask(PyradiomicsReferenceTest.resource(c.get("mask_file").asText()), 1);
        } else {
            int w = c.get("width").asInt();
            int h = c.get("height").asInt();
            double[] px = new double[w * h];
            boolean[] in = new boolean[w * h];
            for (int i = 0; i < w * h; i++) {
                px[i] = c.get("pixels").get(i).asDouble();
                in[i] = c.get("mask").get(i).asInt() == 1;
            }
            image = new GrayImage(w, h, px, c.get("spacing").get(0).asDouble(), c.get("spacing").get(1).asDouble());
            mask = new Mask(w, h, in);
        }
        RadiomicsSettings.Builder base = RadiomicsSettings.builder().optClip(ClipMode.NONE);
        RadiomicsSettings settings = c.has("params_resource")
                ? RadiomicsParamsYaml.nodusDefault(base)
                : RadiomicsParamsYaml.read(PyradiomicsReferenceTest.resource(c.get("params_file").asText()), base);
        Map<String, Double> got = RadiomicsExtractor.builder().setSettings(settings).optThreads(1).build()
                .extract(new RadiomicsCase(name, image, mask)).features();
        JsonNode want = c.get("features");
        List<String> wantNames = new ArrayList<>();
        want.fieldNames().forEachRemaining(wantNames::add);
        assertThat(got.keySet()).containsExactlyElementsOf(wantNames);
        List<String> bad = new ArrayList<>();
        for (String f : wantNames) {
            double w = want.get(f).asDouble();
            double g = got.get(f);
            boolean same = Double.isNaN(w) ? Double.isNaN(g) : Math.abs(g - w) <= TOL * Math.max(1, Math.abs(w));
            if (!same) {
                bad.add(f + ": got " + g + " want " + w);
            }
        }
        assertThat(bad).as(name + ": " + bad.size() + " of " + wantNames.size() + " differ").isEmpty();
    }
}
