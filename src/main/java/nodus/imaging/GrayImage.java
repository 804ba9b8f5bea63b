package nodus.imaging;

import java.util.Arrays;

/**
 * A 2D grey-level image: row-major intensities ({@code pixels[y * width + x]}) in the image's own units
 * (8/16-bit grey values, or filter responses), with the physical pixel spacing in millimetres along x and y.
 * Immutable: the array is copied in and out.
 */
public record GrayImage(int width, int height, double[] pixels, double spacingX, double spacingY) {

    public GrayImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "×" + height);
        }
        if (pixels == null || pixels.length != (long) width * height) {
            throw new IllegalArgumentException("image has " + (pixels == null ? 0 : pixels.length)
                    + " pixels, expected " + width + "×" + height);
        }
        if (!(spacingX > 0) || !(spacingY > 0)) {
            throw new IllegalArgumentException("pixel spacing must be positive (mm), got " + spacingX + "×" + spacingY);
        }
        pixels = pixels.clone();
    }

    /** An image with 1 mm × 1 mm pixels. */
    public static GrayImage of(int width, int height, double[] pixels) {
        return new GrayImage(width, height, pixels, 1.0, 1.0);
    }

    public double get(int x, int y) {
        return pixels[y * width + x];
    }

    @Override
    public double[] pixels() {
        return pixels.clone();
    }

    /** The backing array without a copy, for hot loops inside the imaging and radiomics packages. */
    double[] unsafePixels() {
        return pixels;
    }

    public GrayImage withPixels(double[] newPixels) {
        return new GrayImage(width, height, newPixels, spacingX, spacingY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GrayImage g && g.width == width && g.height == height && g.spacingX == spacingX
                && g.spacingY == spacingY && Arrays.equals(g.pixels, pixels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pixels) + width;
    }

    @Override
    public String toString() {
        return "GrayImage[" + width + "×" + height + ", spacing " + spacingX + "×" + spacingY + " mm]";
    }
}
