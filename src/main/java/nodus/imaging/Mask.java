package nodus.imaging;

import java.util.Arrays;

/**
 * A binary region-of-interest mask on the grid of a {@link GrayImage}: {@code true} where the lesion is,
 * row-major ({@code inside[y * width + x]}). Immutable.
 */
public record Mask(int width, int height, boolean[] inside) {

    public Mask {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive, got " + width + "×" + height);
        }
        if (inside == null || inside.length != (long) width * height) {
            throw new IllegalArgumentException("mask has " + (inside == null ? 0 : inside.length)
                    + " pixels, expected " + width + "×" + height);
        }
        inside = inside.clone();
    }

    public boolean get(int x, int y) {
        return inside[y * width + x];
    }

    @Override
    public boolean[] inside() {
        return inside.clone();
    }

    public int count() {
        int n = 0;
        for (boolean b : inside) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    public boolean sameGeometryAs(GrayImage image) {
        return image.width() == width && image.height() == height;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && m.width == width && m.height == height && Arrays.equals(m.inside, inside);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(inside) + width;
    }

    @Override
    public String toString() {
        return "Mask[" + width + "×" + height + ", " + count() + " px inside]";
    }
}
