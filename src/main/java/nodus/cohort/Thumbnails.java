package nodus.cohort;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;

/**
 * Small PNG previews of a case image with its lesion mask outlined (yellow): the image scaled to fit a square
 * (nearest neighbour, grey values 8-bit scaled by the image's own maximum), outline = lesion pixels with a
 * non-lesion 4-neighbour, mapped onto the thumbnail grid.
 */
public final class Thumbnails {

    private static final int OUTLINE = 0xFFFF00;

    private Thumbnails() {
    }

    public static byte[] png(Path imageFile, Path maskFile, int size) {
        GrayImage image = ImageFiles.readImage(imageFile);
        Mask mask = null;
        if (maskFile != null) {
            try {
                mask = ImageFiles.readMask(maskFile, null);
            } catch (IllegalArgumentException e) {
                mask = null; // validated at import; a thumbnail never fails because of its mask
            }
        }
        double scale = Math.min((double) size / image.width(), (double) size / image.height());
        int w = Math.max(1, (int) Math.round(image.width() * scale));
        int h = Math.max(1, (int) Math.round(image.height() * scale));
        double[] px = image.pixels();
        double max = 1;
        for (double v : px) {
            max = Math.max(max, v);
        }
        double toByte = max > 255 ? 255 / max : 1;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            int sy = Math.min(image.height() - 1, (int) (y / scale));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(image.width() - 1, (int) (x / scale));
                int g = (int) Math.max(0, Math.min(255, Math.round(px[sy * image.width() + sx] * toByte)));
                out.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        if (mask != null && mask.sameGeometryAs(image)) {
            for (int y = 0; y < mask.height(); y++) {
                for (int x = 0; x < mask.width(); x++) {
                    if (mask.get(x, y) && isEdge(mask, x, y)) {
                        int tx = Math.min(w - 1, (int) (x * scale));
                        int ty = Math.min(h - 1, (int) (y * scale));
                        out.setRGB(tx, ty, OUTLINE);
                    }
                }
            }
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(out, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEdge(Mask m, int x, int y) {
        return x == 0 || y == 0 || x == m.width() - 1 || y == m.height() - 1 || !m.get(x - 1, y) || !m.get(x + 1, y)
                || !m.get(x, y - 1) || !m.get(x, y + 1);
    }
}
