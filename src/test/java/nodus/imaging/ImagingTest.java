package nodus.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagingTest {

    @TempDir
    Path dir;

    Path write(BufferedImage img, String name) throws Exception {
        Path p = dir.resolve(name);
        ImageIO.write(img, name.substring(name.lastIndexOf('.') + 1), p.toFile());
        return p;
    }

    @Test
    void reads16BitGreyUnscaled() throws Exception {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        r.setSample(0, 0, 0, 65535);
        r.setSample(2, 1, 0, 1234);
        GrayImage g = ImageFiles.readImage(write(img, "a.png"));
        assertThat(g.width()).isEqualTo(3);
        assertThat(g.get(0, 0)).isEqualTo(65535);
        assertThat(g.get(2, 1)).isEqualTo(1234);
        assertThat(g.spacingX()).isEqualTo(1.0);
    }

    @Test
    void rgbToLumaBt601AndGreyRgbExact() throws Exception {
        BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, (200 << 16) | (100 << 8) | 50);
        img.setRGB(1, 0, (77 << 16) | (77 << 8) | 77);
        GrayImage g = ImageFiles.readImage(write(img, "c.png"));
        assertThat(g.get(0, 0)).isCloseTo(0.299 * 200 + 0.587 * 100 + 0.114 * 50, within(1e-12));
        assertThat(g.get(1, 0)).isEqualTo(77);
        // BMP (24-bit) reads the same
        assertThat(ImageFiles.readImage(write(img, "c.bmp")).get(1, 0)).isEqualTo(77);
    }

    @Test
    void paletteImagesUseColoursMasksUseIndices() throws Exception {
        byte[] r = {0, (byte) 255, 10};
        byte[] g = {0, 0, 10};
        byte[] b = {0, 0, 10};
        java.awt.image.IndexColorModel icm = new java.awt.image.IndexColorModel(8, 3, r, g, b);
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, icm);
        img.getRaster().setSample(0, 0, 0, 0);
        img.getRaster().setSample(1, 0, 0, 1);
        img.getRaster().setSample(2, 0, 0, 2);
        Path p = write(img, "pal.png");
        GrayImage grey = ImageFiles.readImage(p);
        assertThat(grey.get(1, 0)).isCloseTo(0.299 * 255, within(1e-12)); // pure red
        assertThat(grey.get(2, 0)).isEqualTo(10);
        assertThat(ImageFiles.readMask(p, 2).inside()).containsExactly(false, false, true);
    }

    @Test
    void jpegGreyReadsCloseToStoredValues() throws Exception {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                img.getRaster().setSample(x, y, 0, 100);
            }
        }
        GrayImage g = ImageFiles.readImage(write(img, "flat.jpg"));
        assertThat(g.get(7, 7)).isCloseTo(100, within(1.0)); // lossy codec: a flat block decodes to ±1
        assertThatThrownBy(() -> ImageFiles.readImage(dir.resolve("missing.png"))).hasMessageContaining("missing.png");
        assertThatThrownBy(() -> ImageFiles.readMask(dir.resolve("gone.png"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mask file")
                .hasMessageContaining("gone.png");
        java.nio.file.Files.writeString(dir.resolve("x.tif"), "x");
        assertThatThrownBy(() -> ImageFiles.readImage(dir.resolve("x.tif"))).hasMessageContaining("x.tif");
    }

    @Test
    void masksNonZeroOrLabel() throws Exception {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(0, 0, 0, 1);
        img.getRaster().setSample(1, 0, 0, 2);
        Path p = write(img, "m.png");
        assertThat(ImageFiles.readMask(p, null).inside()).containsExactly(true, true, false);
        assertThat(ImageFiles.readMask(p, 2).inside()).containsExactly(false, true, false);
        assertThatThrownBy(() -> ImageFiles.readMask(p, 7)).hasMessageContaining("m.png").hasMessageContaining("7");
    }

    @Test
    void geometryCheckNamesTheMaskFile() {
        GrayImage img = GrayImage.of(2, 2, new double[4]);
        Mask m = new Mask(3, 1, new boolean[] {true, false, false});
        assertThatThrownBy(() -> ImageFiles.requireSameGeometry(img, Path.of("i.png"), m, Path.of("lesion_07.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lesion_07.png")
                .hasMessageContaining("3×1").hasMessageContaining("2×2");
    }

    @Test
    void percentilesLikeNumpyLinear() {
        // numpy.percentile([1, 2, 3, 4, 10], [0.5, 10, 25, 99.5]) = [1.02, 1.4, 2.0, 9.879999999999999]
        double[] x = {1, 2, 3, 4, 10};
        assertThat(Percentiles.ofSorted(x, 0.5)).isCloseTo(1.02, within(1e-12));
        assertThat(Percentiles.ofSorted(x, 10)).isCloseTo(1.4, within(1e-12));
        assertThat(Percentiles.ofSorted(x, 25)).isEqualTo(2.0);
        assertThat(Percentiles.ofSorted(x, 99.5)).isEqualTo(9.879999999999999);
        assertThat(Percentiles.medianOfSorted(new double[] {1, 2, 3, 10})).isEqualTo(2.5);
    }

    @Test
    void clippingImageLesionNone() {
        // 0..99 in a 10×10 image; lesion = the first row (0..9)
        double[] px = new double[100];
        boolean[] in = new boolean[100];
        for (int i = 0; i < 100; i++) {
            px[i] = i;
            in[i] = i < 10;
        }
        GrayImage img = GrayImage.of(10, 10, px);
        Mask m = new Mask(10, 10, in);
        // image: numpy.percentile(arange(100), [0.5, 99.5]) = [0.495, 98.505]
        assertThat(IntensityClipping.range(img, m, ClipMode.IMAGE)).containsExactly(0.495, 98.505);
        GrayImage ci = IntensityClipping.clip(img, m, ClipMode.IMAGE);
        assertThat(ci.get(0, 0)).isEqualTo(0.495);
        assertThat(ci.get(9, 9)).isEqualTo(98.505);
        assertThat(ci.get(5, 5)).isEqualTo(55);
        // lesion: numpy.percentile(arange(10), [0.5, 99.5]) = [0.045, 8.955]; every pixel is clipped
        double[] lr = IntensityClipping.range(img, m, ClipMode.LESION);
        assertThat(lr[0]).isCloseTo(0.045, within(1e-12));
        assertThat(lr[1]).isCloseTo(8.955, within(1e-12));
        assertThat(IntensityClipping.clip(img, m, ClipMode.LESION).get(5, 5)).isCloseTo(8.955, within(1e-12));
        assertThat(IntensityClipping.clip(img, m, ClipMode.NONE)).isEqualTo(img);
    }

    @Test
    void largestEightConnectedLesionCropWithMarginClamped() {
        // 8×6 mask: a 2-px diagonal pair at top-left (8-connected: one component of 2), a 3-px bar at the right
        //  . X . . . . . .
        //  X . . . . . . .
        //  . . . . . . X .
        //  . . . . . . X .
        //  . . . . . . X .
        //  . . . . . . . .
        boolean[] in = new boolean[48];
        in[1] = true;
        in[8] = true;
        in[2 * 8 + 6] = true;
        in[3 * 8 + 6] = true;
        in[4 * 8 + 6] = true;
        Mask m = new Mask(8, 6, in);
        Mask largest = RoiCrop.largestComponent(m);
        assertThat(largest.count()).isEqualTo(3);
        assertThat(RoiCrop.boundingBox(largest)).isEqualTo(new RoiCrop.Box(6, 2, 7, 5));
        double[] px = new double[48];
        for (int i = 0; i < 48; i++) {
            px[i] = i;
        }
        RoiCrop.Cropped c = RoiCrop.largestLesion(GrayImage.of(8, 6, px), m, 2);
        // box widened by 2 and clamped: x 4..8 (not 9), y 0..6 (not −0 / 7)
        assertThat(c.box()).isEqualTo(new RoiCrop.Box(4, 0, 8, 6));
        assertThat(c.image().get(0, 0)).isEqualTo(4);
        assertThat(c.mask().count()).isEqualTo(3);
        // 4-connectivity would split the diagonal pair; with 8-connectivity it is one component of 2
        boolean[] two = new boolean[48];
        two[1] = true;
        two[8] = true;
        assertThat(RoiCrop.largestComponent(new Mask(8, 6, two)).count()).isEqualTo(2);
    }
}
