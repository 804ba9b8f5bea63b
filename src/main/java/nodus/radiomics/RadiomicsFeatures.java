package nodus.radiomics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;
import nodus.imaging.RoiCrop;

/**
 * Computes the enabled pyradiomics features of a set of images of one case, named
 * {@code <imageType>_<class>_<feature>} (e.g. {@code original_glcm_Contrast}). Shape features depend on the mask
 * and pixel spacing only and are computed once, named {@code original_shape2D_*} whichever image types are enabled,
 * as pyradiomics; every other class is computed for every image in the same way. Values are those of pyradiomics 3.x for the same image, mask and settings.
 */
public final class RadiomicsFeatures {

    private RadiomicsFeatures() {
    }

    /** Features of the original image only. */
    public static Map<String, Double> compute(GrayImage image, Mask mask, RadiomicsSettings settings) {
        return compute(List.of(new NamedImage("original", image)), mask, settings);
    }

    /**
     * Features of each image (the first one's pixel spacing is used for the shape features).
     *
     * @throws IllegalArgumentException when the mask does not fit an image or the ROI is too small (pyradiomics'
     *                                  checkMask rules: more than one pixel, extent > 1 px in at least
     *                                  minimumROIDimensions dimensions, more than minimumROISize pixels)
     */
    public static Map<String, Double> compute(List<NamedImage> images, Mask mask, RadiomicsSettings settings) {
        return compute(images, mask, mask, settings);
    }

    /**
     * As {@link #compute(List, Mask, RadiomicsSettings)} with a separate mask for the shape features (pyradiomics
     * computes shape on the mask before re-segmentation unless resegmentShape is set).
     */
    public static Map<String, Double> compute(List<NamedImage> images, Mask shapeMask, Mask mask,
                                              RadiomicsSettings settings) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no image to extract features from");
        }
        checkMask(shapeMask, settings);
        checkMask(mask, settings);
        Map<String, Double> out = new LinkedHashMap<>();
        List<String> shape = settings.featuresOf(FeatureClass.SHAPE2D);
        if (!shape.isEmpty()) {
            GrayImage first = images.get(0).image();
            requireFits(first, shapeMask);
            Map<String, Double> v = Shape2DFeatures.compute(RoiGrid.of(first, shapeMask, settings));
            for (String f : shape) {
                out.put("original_shape2D_" + f, v.get(f));
            }
        }
        for (NamedImage ni : images) {
            requireFits(ni.image(), mask);
            RadiomicsSettings s = ni.settings() == null ? settings : ni.settings();
            RoiGrid g = RoiGrid.of(ni.image(), mask, s);
            for (FeatureClass c : s.enabledFeatures().keySet()) {
                if (c == FeatureClass.SHAPE2D) {
                    continue;
                }
                Map<String, Double> v = switch (c) {
                    case FIRSTORDER -> FirstOrderFeatures.compute(g, s.voxelArrayShift());
                    case GLCM -> GlcmFeatures.compute(g, s);
                    case GLRLM -> GlrlmFeatures.compute(g);
                    case GLSZM -> GlszmFeatures.compute(g);
                    case NGTDM -> NgtdmFeatures.compute(g, s);
                    case GLDM -> GldmFeatures.compute(g, s);
                    case SHAPE2D -> throw new IllegalStateException();
                };
                for (String f : s.featuresOf(c)) {
                    out.put(ni.name() + "_" + c.pyName() + "_" + f, v.get(f));
                }
            }
        }
        return out;
    }

    private static void requireFits(GrayImage image, Mask mask) {
        if (!mask.sameGeometryAs(image)) {
            throw new IllegalArgumentException("mask is " + mask.width() + "×" + mask.height() + " px but image is "
                    + image.width() + "×" + image.height() + " px");
        }
    }

    static void checkMask(Mask mask, RadiomicsSettings s) {
        int n = mask.count();
        if (n == 0) {
            throw new IllegalArgumentException("mask has no lesion pixel");
        }
        RoiCrop.Box b = RoiCrop.boundingBox(mask);
        int dims = (b.width() > 1 ? 1 : 0) + (b.height() > 1 ? 1 : 0);
        if (dims == 0) {
            throw new IllegalArgumentException("mask has only 1 lesion pixel; features need more");
        }
        if (dims < s.minimumROIDimensions()) {
            throw new IllegalArgumentException("mask lesion spans " + dims + " dimension(s), minimumROIDimensions is "
                    + s.minimumROIDimensions());
        }
        if (s.minimumROISize() != null && n <= s.minimumROISize()) {
            throw new IllegalArgumentException("mask lesion has " + n + " px, minimumROISize is "
                    + s.minimumROISize());
        }
    }
}
