package nodus.radiomics.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code imageType} section semantics of pyradiomics 3.0.1's {@code featureextractor._applyParams}. */
class ImageTypesTest {

    @Test
    void missingOrEmptySectionMeansOriginalOnly() {
        assertThat(ImageTypes.fromParameters(null)).extracting(ImageType::name).containsExactly("Original");
        assertThat(ImageTypes.fromParameters(Map.of())).extracting(ImageType::name).containsExactly("Original");
    }

    @Test
    void typesComeInTheFilesOrderWithTheirImageTypeNames() {
        Map<String, Map<String, Object>> section = new LinkedHashMap<>();
        section.put("Original", Map.of());
        section.put("LoG", Map.of("sigma", List.of(1.0, 2.0)));
        section.put("Wavelet", Map.of());
        section.put("Square", Map.of());
        List<ImageType> types = ImageTypes.fromParameters(section);
        assertThat(types).extracting(ImageType::name).containsExactly("Original", "LoG", "Wavelet", "Square");
        assertThat(ImageTypes.imageTypeNames(types, Map.of())).containsExactly("original", "log-sigma-1-0-mm-3D",
                "log-sigma-2-0-mm-3D", "wavelet-LH", "wavelet-HL", "wavelet-HH", "wavelet-LL", "square");
    }

    @Test
    void originalIsNotAddedWhenTheSectionOmitsIt() {
        Map<String, Map<String, Object>> section = new LinkedHashMap<>();
        section.put("Gradient", Map.of());
        section.put("Exponential", null); // YAML "Exponential:" with no value
        List<ImageType> types = ImageTypes.fromParameters(section);
        assertThat(ImageTypes.imageTypeNames(types, Map.of())).containsExactly("gradient", "exponential");
    }

    @Test
    void customSettingsOverrideTheGeneralSettings() {
        // pyradiomics: args = settings.copy(); args.update(customKwargs)
        Map<String, Object> settings = Map.of("sigma", List.of(3.0), "binWidth", 25, "force2D", true);
        ImageType log = new ImageType("LoG", Map.of("sigma", List.of(1, 2.5), "binWidth", 5));
        assertThat(log.effectiveSettings(settings)).containsEntry("binWidth", 5).containsEntry("force2D", true)
                .containsEntry("sigma", List.of(1, 2.5));
        assertThat(log.filter(settings).imageTypeNames()).containsExactly("log-sigma-1-mm-3D",
                "log-sigma-2-5-mm-3D");
        // sigma from the general settings when the type has none; no sigma at all: no LoG image (as pyradiomics)
        assertThat(new ImageType("LoG", Map.of()).filter(settings).imageTypeNames())
                .containsExactly("log-sigma-3-0-mm-3D");
        assertThat(new ImageType("LoG", Map.of()).filter(Map.of()).imageTypeNames()).isEmpty();
    }

    @Test
    void force2DOnA2DImageGivesPyradiomicsOneDimensionalWavelet() {
        // pyradiomics removes axis force2Ddimension from the transformed axes: on a 2D image only H and L remain
        assertThat(new ImageType("Wavelet", Map.of()).filter(Map.of("force2D", true)).imageTypeNames())
                .containsExactly("wavelet-H", "wavelet-L");
        assertThat(new ImageType("Wavelet", Map.of("level", 2)).filter(Map.of()).imageTypeNames())
                .containsExactly("wavelet-LH", "wavelet-HL", "wavelet-HH", "wavelet2-LH", "wavelet2-HL",
                        "wavelet2-HH", "wavelet2-LL");
    }

    @Test
    void rejectsWhatPyradiomicsRejectsNamingTheCulprit() {
        assertThatThrownBy(() -> ImageTypes.fromParameters(Map.of("Laplacian", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Laplacian'");
        assertThatThrownBy(() -> ImageTypes.fromParameters(Map.of("LBP2D", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LBP2D")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> ImageTypes.fromParameters(Map.of("LoG", List.of(1.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imageType LoG");
        Map<String, Object> badSigma = new HashMap<>();
        badSigma.put("sigma", List.of(1.0, 0.0));
        assertThatThrownBy(() -> new ImageType("LoG", badSigma).filter(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma");
        assertThatThrownBy(() -> new ImageType("Wavelet", Map.of("wavelet", "db2")).filter(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("db2");
        assertThatThrownBy(() -> new ImageType("Gradient", Map.of("gradientUseSpacing", "yes")).filter(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gradientUseSpacing");
    }

    @Test
    void sigmaNamesFollowPythonStr() {
        assertThat(LaplacianOfGaussianFilter.imageTypeName(2.0)).isEqualTo("log-sigma-2-0-mm-3D");
        assertThat(LaplacianOfGaussianFilter.imageTypeName(2)).isEqualTo("log-sigma-2-mm-3D");
        assertThat(LaplacianOfGaussianFilter.imageTypeName(0.5)).isEqualTo("log-sigma-0-5-mm-3D");
        assertThat(LaplacianOfGaussianFilter.imageTypeName(1.25)).isEqualTo("log-sigma-1-25-mm-3D");
        // Python: str(1e-05) == '1e-05', str(0.0001) == '0.0001', str(1e16) == '1e+16'
        assertThat(LaplacianOfGaussianFilter.pythonStr(1e-5)).isEqualTo("1e-05");
        assertThat(LaplacianOfGaussianFilter.pythonStr(0.0001)).isEqualTo("0.0001");
        assertThat(LaplacianOfGaussianFilter.pythonStr(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(LaplacianOfGaussianFilter.pythonStr(1e16)).isEqualTo("1e+16");
        assertThat(LaplacianOfGaussianFilter.pythonStr(123456789.0)).isEqualTo("123456789.0");
    }
}
