/**
 * pyradiomics' image types for 2D images: the derived images on which radiomics features are computed, equal to
 * pyradiomics 3.0.1's {@code imageoperations.get*Image} (checked in {@code FilterReferenceTest}; LoG and gradient
 * bit for bit, the others to ~1e-13 relative).
 *
 * <p>{@code nodus.radiomics.RadiomicsExtractor} uses this package for every enabled image type: the
 * {@code imageType} section of a parameter file is read by {@link nodus.radiomics.filter.ImageTypes#fromParameters}
 * into {@code RadiomicsSettings.imageTypes()}, and the general filter settings are
 * {@code RadiomicsSettings.filterSettings()}. This package depends on {@code nodus.imaging} only. In outline:
 * <pre>{@code
 * List<ImageType> types = ImageTypes.fromParameters(params.imageType());   // ordered, pyradiomics defaults
 * for (ImageType type : types) {
 *     Map<String, Object> s = type.effectiveSettings(params.setting());  // setting + the type's own entries
 *     for (FilteredImage f : type.apply(image, params.setting())) {
 *         // features of f.image() with settings s, named f.imageTypeName() + "_" + class + "_" + feature
 *     }
 * }
 * }</pre>
 * The filters run on the whole image, as pyradiomics does without {@code preCrop}/resampling; crop to the
 * lesion afterwards. Names: {@code original}, {@code log-sigma-2-0-mm-3D}, {@code wavelet-LH} / {@code -HL} /
 * {@code -HH} / {@code -LL}, {@code square}, {@code squareroot}, {@code logarithm}, {@code exponential},
 * {@code gradient}.
 */
package nodus.radiomics.filter;
