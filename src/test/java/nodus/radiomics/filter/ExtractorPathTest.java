package nodus.radiomics.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pyradiomics path, not just {@code imageoperations}: {@code RadiomicsFeatureExtractor} (3.0.1) on
 * image.png/mask.png with an {@code imageType} section, firstorder Mean only (= the lesion mean of each derived
 * image). Same names in the same order, same values: so the extractor filters the whole image and then crops,
 * and {@code force2D: true} in the settings turns the wavelet into pyradiomics' 1D {@code wavelet-H/-L}.
 */
class ExtractorPathTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lesionMeansOfEveryImageTypeEqualPyradiomicsFirstorderMean(boolean force2D) throws IOException {
        Map<String, Double> expected = expected(force2D);
        GrayImage image = FilterReference.png("image.png");
        boolean[] mask = FilterReference.mask("mask.png");
        Map<String, Map<String, Object>> section = new LinkedHashMap<>();
        section.put("Original", Map.of());
        section.put("LoG", Map.of("sigma", List.of(1.0, 2)));
        for (String t : List.of("Wavelet", "Square", "SquareRoot", "Logarithm", "Exponential", "Gradient")) {
            section.put(t, Map.of());
        }
        Map<String, Object> settings = Map.of("force2D", force2D);
        List<FilteredImage> images = ImageTypes.computeAll(image, ImageTypes.fromParameters(section), settings);

        List<String> names = new ArrayList<>();
        for (FilteredImage f : images) {
            String feature = f.imageTypeName() + "_firstorder_Mean";
            names.add(feature);
            double[] px = f.image().pixels();
            double sum = 0;
            int n = 0;
            for (int i = 0; i < px.length; i++) {
                if (mask[i]) {
                    sum += px[i];
                    n++;
                }
            }
            double ref = expected.get(feature);
            assertThat(Math.abs(sum / n - ref)).as(feature).isLessThanOrEqualTo(1e-6 * Math.abs(ref));
        }
        assertThat(names).containsExactlyElementsOf(expected.keySet());
    }

    private static Map<String, Double> expected(boolean force2D) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (var r = new BufferedReader(new InputStreamReader(FilterReference.class.getResourceAsStream(
                FilterReference.DIR + "extractor_firstorder_mean.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] t = line.split(",");
                if (t[0].equals(Boolean.toString(force2D))) {
                    out.put(t[1], Double.parseDouble(t[2]));
                }
            }
        }
        return out;
    }
}
