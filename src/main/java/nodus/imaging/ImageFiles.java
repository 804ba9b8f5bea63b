package nodus.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Reads 2D images and lesion masks from PNG, JPEG and BMP files (Java ImageIO), 8 or 16 bits per sample.
 *
 * <p>Grey values are the stored samples, unscaled (0–255 for 8-bit, 0–65535 for 16-bit): the same numbers
 * SimpleITK's {@code ReadImage} gives pyradiomics for a grey PNG, so features match pyradiomics on the same file.
 * Colour images (RGB, RGBA, palette) are turned into grey with the ITU-R BT.601 luma weights
 * {@code Y = 0.299 R + 0.587 G + 0.114 B} on the stored (gamma-encoded) samples, without rounding — the weights of
 * PIL's {@code convert("L")} and OpenCV's {@code COLOR_RGB2GRAY}; alpha is ignored; a pixel with R = G = B keeps
 * that value exactly (ultrasound frames saved as RGB stay identical to their grey originals). pyradiomics itself
 * does not accept colour images (SimpleITK reads them as vector images), so there is nothing to match there.
 * JPEG decoding is ImageIO's; it may differ from libjpeg by ±1 grey level on some pixels.
 *
 * <p>Pixel spacing is 1 mm × 1 mm: PNG/JPEG/BMP carry no reliable physical spacing (pyradiomics/SimpleITK also
 * give 1 × 1 for them). Use {@link GrayImage#GrayImage} with the spacing from the cohort's metadata when known.
 */
public final class ImageFiles {

    /** BT.601 luma weights (R, G, B). */
    static final double LUMA_R = 0.299;
    static final double LUMA_G = 0.587;
    static final double LUMA_B = 0.114;

    private ImageFiles() {
    }

    /** Reads an image as grey values; colour is converted to luma (see class comment). */
    public static GrayImage readImage(Path file) {
        BufferedImage img = decode(file, "image");
        return toGrey(img);
    }

    private static GrayImage toGrey(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        double[] px = new double[w * h];
        Raster r = img.getRaster();
        ColorModel cm = img.getColorModel();
        int bands = r.getNumBands();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v;
                if (cm instanceof IndexColorModel icm) {
                    int idx = r.getSample(x, y, 0);
                    v = luma(icm.getRed(idx), icm.getGreen(idx), icm.getBlue(idx));
                } else if (bands >= 3) {
                    v = luma(r.getSample(x, y, 0), r.getSample(x, y, 1), r.getSample(x, y, 2));
                } else {
                    v = r.getSample(x, y, 0); // grey, or grey + alpha: band 0 is the grey sample
                }
                px[y * w + x] = v;
            }
        }
        return GrayImage.of(w, h, px);
    }

    /**
     * Reads a mask: a pixel is lesion where its stored value is non-zero ({@code label == null}) or equals
     * {@code label}. Palette images use the palette index, colour images their luma (see class comment).
     *
     * @throws IllegalArgumentException naming the file when no pixel is lesion
     */
    public static Mask readMask(Path file, Integer label) {
        GrayImage values = readMaskValues(file);
        double[] v = values.pixels();
        boolean[] inside = new boolean[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            inside[i] = label == null ? v[i] != 0 : v[i] == label;
            if (inside[i]) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("mask " + file + " has no lesion pixel"
                    + (label == null ? " (no non-zero pixel)" : " with label " + label));
        }
        return new Mask(values.width(), values.height(), inside);
    }

    /** The raw label values of a mask file (palette index for palette images). */
    static GrayImage readMaskValues(Path file) {
        BufferedImage img = decode(file, "mask");
        if (img.getColorModel() instanceof IndexColorModel) {
            int w = img.getWidth();
            int h = img.getHeight();
            double[] px = new double[w * h];
            Raster r = img.getRaster();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[y * w + x] = r.getSample(x, y, 0);
                }
            }
            return GrayImage.of(w, h, px);
        }
        return toGrey(img);
    }

    /**
     * Checks that a mask lies on the image's pixel grid.
     *
     * @throws IllegalArgumentException naming the mask file and both sizes when they differ
     */
    public static void requireSameGeometry(GrayImage image, Path imageFile, Mask mask, Path maskFile) {
        if (!mask.sameGeometryAs(image)) {
            throw new IllegalArgumentException("mask " + maskFile + " is " + mask.width() + "×" + mask.height()
                    + " px but image " + imageFile + " is " + image.width() + "×" + image.height() + " px");
        }
    }

    static double luma(int red, int green, int blue) {
        if (red == green && green == blue) {
            return red;
        }
        return LUMA_R * red + LUMA_G * green + LUMA_B * blue;
    }

    private static BufferedImage decode(Path file, String kind) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(kind + " file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp"))) {
            throw new IllegalArgumentException(kind + " file " + file + " is not PNG, JPEG or BMP");
        }
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new IllegalArgumentException(kind + " file " + file + " cannot be decoded");
            }
            return img;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + kind + " file " + file + ": " + e.getMessage(), e);
        }
    }
}
