package nodus.radiomics;

import java.util.Objects;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;

/** One case to extract: its id, its image (before clipping) and its lesion mask on the image's grid. */
public record RadiomicsCase(String caseId, GrayImage image, Mask mask) {
    public RadiomicsCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        if (!mask.sameGeometryAs(image)) {
            throw new IllegalArgumentException("case " + caseId + ": mask is " + mask.width() + "×" + mask.height()
                    + " px but image is " + image.width() + "×" + image.height() + " px");
        }
    }
}
