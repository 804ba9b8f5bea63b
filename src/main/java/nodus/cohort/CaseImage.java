package nodus.cohort;

/**
 * One image of a case: paths relative to the dataset folder in the data home, size in pixels, pixel spacing in
 * millimetres, and the number of lesion pixels in its mask (0 when the case has no mask).
 */
public record CaseImage(String imagePath, String maskPath, int width, int height, double spacingX, double spacingY,
        int maskPixels) {

    public CaseImage {
        if (imagePath == null || imagePath.isBlank()) {
            throw new IllegalArgumentException("image path is required");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive");
        }
        if (!(spacingX > 0) || !(spacingY > 0)) {
            throw new IllegalArgumentException("pixel spacing must be positive (mm)");
        }
    }

    public boolean hasMask() {
        return maskPath != null;
    }
}
