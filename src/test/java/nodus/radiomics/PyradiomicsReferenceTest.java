package nodus.radiomics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
 * Every feature of every 2D class against pyradiomics 3.0.1 itself (SimpleITK 2.5.7, numpy 1.26.4; feature code
 * identical to pyradiomics 3.1.0), values made by src/test/resources/radiomics/make_pyradiomics_reference.py into
 * pyradiomics_reference.json: the shared 500×500 image (binWidth 25 and 5, lesion-clipped, and via a YAML parameter
 * file) and small synthetic images (irregular masks with holes and diagonal-only contacts, non-square pixels,
 * negative float values with a fractional bin width, binCount/distances/gldm_a/voxelArrayShift/asymmetric GLCM, a
 * checkerboard mask (angles without pairs dropped), a flat region, 16-bit-range values, isolated pixels (NaN GLCM))
 * and a 16-bit PNG with a 0/255 mask written by SimpleITK (Nodus reads the files as SimpleITK does); pyradiomics'
 * normalize/normalizeScale/removeOutliers and resegmentRange (absolute, relative, sigma; resegmentShape).
 * Tolerance 1e-9, relative for |values| > 1.
 */
class PyradiomicsReferenceTest {

    static final double TOL = 1e-9;

    static JsonNode reference() throws Exception {
        try (InputStream in = PyradiomicsReferenceTest.class.getResourceAsStream(
                "/radiomics/pyradiomics_reference.json")) {
            // pyradiomics writes NaN (e.g. GLCM of a ROI without neighbouring pixels) as a bare NaN token
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

    static Path resource(String name) throws Exception {
        return Path.of(PyradiomicsReferenceTest.class.getResource("/radiomics/" + name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void allFeaturesEqualPyradiomics(String name, JsonNode c) throws Exception {
        GrayImage image;
        Mask mask;
        if (c.has("image_file")) {
            image = ImageFiles.readImage(resource(c.get("image_file").asText()));
            int label = c.has("label") ? c.get("label").asInt() : 1;
            mask = ImageFiles.readMask(resource(c.get("mask_file").asText()), label);
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
        RadiomicsSettings settings;
        ClipMode clip = c.has("clip") ? ClipMode.parse(c.get("clip").asText()) : ClipMode.NONE;
        if (c.has("params_file")) {
            settings = RadiomicsParamsYaml.read(resource(c.get("params_file").asText()),
                    RadiomicsSettings.builder().optClip(clip));
        } else {
            RadiomicsSettings.Builder b = RadiomicsSettings.builder().optClip(clip);
            Iterator<Map.Entry<String, JsonNode>> it = c.get("settings").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Object v;
                JsonNode n = e.getValue();
                if (n.isArray()) {
                    List<Object> l = new ArrayList<>();
                    n.forEach(x -> l.add(x.isInt() ? (Object) x.asInt() : (Object) x.asDouble()));
                    v = l;
                } else if (n.isTextual()) {
                    v = n.asText();
                } else if (n.isBoolean()) {
                    v = n.asBoolean();
                } else if (n.isInt()) {
                    v = n.asInt();
                } else {
                    v = n.asDouble();
                }
                RadiomicsParamsYaml.applySetting(b, e.getKey(), v);
            }
            settings = b.build();
        }
        RadiomicsExtractor ex = RadiomicsExtractor.builder().setSettings(settings).optThreads(1).build();
        Map<String, Double> got = ex.extract(new RadiomicsCase(name, image, mask)).features();
        JsonNode want = c.get("features");
        List<String> wantNames = new ArrayList<>();
        want.fieldNames().forEachRemaining(wantNames::add);
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(wantNames);
        List<String> bad = new ArrayList<>();
        for (String f : wantNames) {
            double w = want.get(f).asDouble();
            double g = got.get(f);
            boolean same = Double.isNaN(w) ? Double.isNaN(g) : Math.abs(g - w) <= TOL * Math.max(1, Math.abs(w));
            if (!same) {
                bad.add(f + ": got " + g + " want " + w);
            }
        }
        assertThat(bad).as(name).isEmpty();
    }
}
