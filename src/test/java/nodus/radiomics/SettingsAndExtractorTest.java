package nodus.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nodus.imaging.ClipMode;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsAndExtractorTest {

    @TempDir
    Path dir;

    Path yaml(String text) throws Exception {
        Path p = dir.resolve("params.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void parsesPyradiomicsParameterFile() throws Exception {
        RadiomicsSettings s = RadiomicsParamsYaml.read(yaml("""
                imageType:
                  Original: {}
                  LoG: {sigma: [2.0, 3.0]}
                  Wavelet: {binWidth: 10}
                featureClass:
                  firstorder: [Mean, Kurtosis]
                  glcm:
                setting:
                  binWidth: 5
                  label: 2
                  normalize: false
                  force2D: true
                  wavelet: coif1
                """));
        assertThat(s.binWidth()).isEqualTo(5);
        assertThat(s.label()).isEqualTo(2);
        assertThat(s.imageTypes().keySet()).containsExactly("Original", "LoG", "Wavelet");
        assertThat(s.imageTypes().get("LoG").get("sigma")).isEqualTo(List.of(2.0, 3.0));
        assertThat(s.withOverrides(s.imageTypes().get("Wavelet")).binWidth()).isEqualTo(10);
        assertThat(s.filterOptions()).containsEntry("wavelet", "coif1");
        assertThat(s.featuresOf(FeatureClass.FIRSTORDER)).containsExactly("Mean", "Kurtosis");
        assertThat(s.featuresOf(FeatureClass.GLCM)).hasSize(24);
        assertThat(s.featuresOf(FeatureClass.SHAPE2D)).isEmpty();
    }

    @Test
    void unknownKeysAreErrorsNamingTheKey() throws Exception {
        assertThatThrownBy(() -> RadiomicsParamsYaml.read(yaml("setting:\n  binWdth: 25\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binWdth")
                .hasMessageContaining("params.yaml");
        assertThatThrownBy(() -> RadiomicsParamsYaml.read(yaml("settings:\n  binWidth: 25\n")))
                .hasMessageContaining("'settings'");
        assertThatThrownBy(() -> RadiomicsParamsYaml.read(yaml("featureClass:\n  glcm: [Contrst]\n")))
                .hasMessageContaining("Contrst");
        assertThatThrownBy(() -> RadiomicsParamsYaml.read(yaml("featureClass:\n  shape:\n")))
                .hasMessageContaining("shape2D");
        assertThatThrownBy(() -> RadiomicsParamsYaml.read(yaml("imageType:\n  Wavelets: {}\n")))
                .hasMessageContaining("Wavelets");
        assertThatThrownBy(() -> RadiomicsParamsYaml.read(yaml("setting:\n  resampledPixelSpacing: [1, 1]\n")))
                .hasMessageContaining("resampledPixelSpacing");
    }

    @Test
    void settingsHashChangesWithEverySetting() {
        RadiomicsSettings a = RadiomicsSettings.defaults();
        assertThat(a.hash()).isEqualTo(RadiomicsSettings.defaults().hash()).hasSize(64);
        assertThat(a.toBuilder().optBinWidth(5).build().hash()).isNotEqualTo(a.hash());
        assertThat(a.toBuilder().optClip(ClipMode.NONE).build().hash()).isNotEqualTo(a.hash());
        assertThat(a.toBuilder().optGldmA(1).build().hash()).isNotEqualTo(a.hash());
    }

    static List<RadiomicsCase> cases(int n) {
        Random r = new Random(42);
        List<RadiomicsCase> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] px = new double[40 * 30];
            boolean[] in = new boolean[px.length];
            for (int i = 0; i < px.length; i++) {
                px[i] = r.nextInt(256);
                int x = i % 40;
                int y = i / 40;
                in[i] = (x - 20) * (x - 20) + (y - 15) * (y - 15) < 80 + 10 * k;
            }
            out.add(new RadiomicsCase("case" + k, GrayImage.of(40, 30, px), new Mask(40, 30, in)));
        }
        return out;
    }

    @Test
    void parallelEqualsSequentialAndCacheRoundTripsExactly() {
        List<RadiomicsCase> cs = cases(5);
        RadiomicsSettings s = RadiomicsSettings.defaults();
        List<FeatureVector> seq = RadiomicsExtractor.builder().setSettings(s).optThreads(1).build().extractAll(cs);
        RadiomicsExtractor cached = RadiomicsExtractor.builder().setSettings(s).optThreads(2).optCacheDir(dir)
                .optVersion("test-1").build();
        List<FeatureVector> par = cached.extractAll(cs);
        List<FeatureVector> again = cached.extractAll(cs);
        for (int k = 0; k < cs.size(); k++) {
            assertThat(par.get(k).caseId()).isEqualTo("case" + k);
            assertThat(par.get(k).features()).isEqualTo(seq.get(k).features());
            assertThat(par.get(k).fromCache()).isFalse();
            assertThat(again.get(k).fromCache()).isTrue();
            assertThat(again.get(k).features()).isEqualTo(seq.get(k).features());
            assertThat(List.copyOf(again.get(k).features().keySet()))
                    .isEqualTo(List.copyOf(seq.get(k).features().keySet()));
            assertThat(again.get(k).settingsHash()).isEqualTo(s.hash());
            assertThat(again.get(k).nodusVersion()).isEqualTo("test-1");
        }
        assertThat(seq.get(0).features()).hasSize(9 + 18 + 24 + 16 + 16 + 5 + 14);
        assertThat(seq.get(0).features().keySet().iterator().next()).isEqualTo("original_shape2D_Elongation");
        // another version does not reuse the table
        RadiomicsExtractor v2 = RadiomicsExtractor.builder().setSettings(s).optCacheDir(dir).optVersion("test-2")
                .build();
        assertThat(v2.extract(cs.get(0)).fromCache()).isFalse();
    }

    @Test
    void filteredImagesArePrefixedAndShapeIsComputedOnce() {
        RadiomicsCase c = cases(1).get(0);
        RadiomicsSettings s = RadiomicsSettings.builder().optClip(ClipMode.NONE)
                .optImageTypes(Map.of("Original", Map.of(), "Square", Map.of()))
                .optImageTypes(new java.util.LinkedHashMap<>(Map.of("Original", Map.of())) {{
                        put("Square", Map.of("binWidth", 1000));
                    }}).build();
        ImageTypeProvider square = (type, options, image, mask) -> {
            double[] p = image.pixels();
            for (int i = 0; i < p.length; i++) {
                p[i] = p[i] * p[i];
            }
            return List.of(new NamedImage("square", image.withPixels(p)));
        };
        Map<String, Double> f = RadiomicsExtractor.builder().setSettings(s).optImageTypeProvider(square).build()
                .extract(c).features();
        assertThat(f.keySet().stream().filter(k -> k.contains("shape2D")).count()).isEqualTo(9);
        assertThat(f).containsKey("square_glcm_Contrast").containsKey("original_glcm_Contrast");
        assertThat(f.keySet().stream().filter(k -> k.startsWith("square_")).count()).isEqualTo(93);
        // the Square type's binWidth override (1000) applies to its features only
        double[] sq = c.image().pixels();
        for (int i = 0; i < sq.length; i++) {
            sq[i] = sq[i] * sq[i];
        }
        Map<String, Double> direct = RadiomicsFeatures.compute(List.of(new NamedImage("square",
                c.image().withPixels(sq))), c.mask(), s.toBuilder().optBinWidth(1000).build());
        assertThat(f.get("square_glcm_Contrast")).isEqualTo(direct.get("square_glcm_Contrast"));
        assertThatThrownBy(() -> RadiomicsExtractor.builder().setSettings(s).build().extract(c))
                .hasMessageContaining("Square");
    }

    @Test
    void tooSmallRoiIsRefused() {
        boolean[] in = new boolean[16];
        in[5] = true;
        assertThatThrownBy(() -> RadiomicsFeatures.compute(GrayImage.of(4, 4, new double[16]), new Mask(4, 4, in),
                RadiomicsSettings.defaults())).hasMessageContaining("1 lesion pixel");
        in[6] = true;
        assertThatThrownBy(() -> RadiomicsFeatures.compute(GrayImage.of(4, 4, new double[16]), new Mask(4, 4, in),
                RadiomicsSettings.defaults())).hasMessageContaining("minimumROIDimensions");
    }
}
