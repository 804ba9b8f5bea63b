package nodus.deeplearning.gradcam;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import nodus.imaging.GrayImage;

/**
 * Writes a Grad-CAM heat map over the grey-scale case image as a PNG, with a colour-map legend (0 = low,
 * 1 = the map's maximum; the map is min–max scaled per image, so colours compare regions within one image only).
 */
public final class OverlayPng {

    private static final int LEGEND_WIDTH = 70;

    private OverlayPng() {
    }

    /**
     * @param image   the case image (any size; the heat map is resampled to it)
     * @param cam     the Grad-CAM result
     * @param opacity heat-map weight in the blend, in (0, 1]; 0.4 is a common choice
     * @param title   legend caption, e.g. "Grad-CAM: metastasis"
     */
    public static void write(GrayImage image, GradCamResult cam, double opacity, String title, Path png)
            throws IOException {
        if (!(opacity > 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must lie in (0, 1], got " + opacity);
        }
        int w = image.width();
        int h = image.height();
        HeatMap heat = cam.heatMap(w, h);
        double[] px = image.pixels();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : px) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double range = hi > lo ? hi - lo : 1;
        int height = Math.max(h, 160);
        BufferedImage out = new BufferedImage(w + LEGEND_WIDTH, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double g = (px[y * w + x] - lo) / range * 255;
                int rgb = jet(heat.get(x, y));
                int r = (int) Math.round((1 - opacity) * g + opacity * ((rgb >> 16) & 0xff));
                int gg = (int) Math.round((1 - opacity) * g + opacity * ((rgb >> 8) & 0xff));
                int b = (int) Math.round((1 - opacity) * g + opacity * (rgb & 0xff));
                out.setRGB(x, y, (r << 16) | (gg << 8) | b);
            }
        }
        drawLegend(out, w, height, title);
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(out, "png", png.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static void drawLegend(BufferedImage out, int x0, int height, String title) {
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(x0, 0, LEGEND_WIDTH, height);
            int top = 24;
            int bottom = height - 12;
            int barX = x0 + 8;
            for (int y = top; y <= bottom; y++) {
                g.setColor(new Color(jet(1.0 - (double) (y - top) / (bottom - top))));
                g.drawLine(barX, y, barX + 14, y);
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(barX, top, 14, bottom - top);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString("1.0", barX + 18, top + 4);
            g.drawString("0.5", barX + 18, (top + bottom) / 2 + 4);
            g.drawString("0.0", barX + 18, bottom + 4);
            g.drawString(title.length() > 12 ? title.substring(0, 12) : title, x0 + 4, 12);
        } finally {
            g.dispose();
        }
    }

    /** The "jet" colour map (blue → cyan → yellow → red), as matplotlib/OpenCV COLORMAP_JET, for v in [0, 1]. */
    static int jet(double v) {
        double t = Math.max(0, Math.min(1, v));
        double r = clamp(1.5 - Math.abs(4 * t - 3));
        double g = clamp(1.5 - Math.abs(4 * t - 2));
        double b = clamp(1.5 - Math.abs(4 * t - 1));
        return ((int) Math.round(r * 255) << 16) | ((int) Math.round(g * 255) << 8) | (int) Math.round(b * 255);
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
