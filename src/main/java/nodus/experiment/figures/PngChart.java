package nodus.experiment.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A {@link Chart} as a PNG drawn with Java2D (headless; no browser): the {@link Layout} canvas scaled to
 * {@code width} px (publication size: 1800 × 1200 px at 300 dpi = 6 × 4 in), antialiased, with the resolution
 * stored in the PNG's pHYs chunk so that word processors place it at 6 × 4 in.
 */
final class PngChart {

    static final int WIDTH_PX = 1800;
    static final int DPI = 300;

    static {
        // no display needed (servers, CI)
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PngChart() {
    }

    static byte[] render(Chart chart) {
        return render(chart, WIDTH_PX, DPI);
    }

    static byte[] render(Chart chart, int widthPx, int dpi) {
        double k = widthPx / Layout.WIDTH;
        int heightPx = (int) Math.round(Layout.HEIGHT * k);
        BufferedImage img = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthPx, heightPx);
            g.scale(k, k);
            draw(g, new Layout(chart));
        } finally {
            g.dispose();
        }
        return encode(img, dpi);
    }

    private static void draw(Graphics2D g, Layout l) {
        Chart chart = l.chart;
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont((float) Layout.SMALL_FONT);
        Font normal = small.deriveFont((float) Layout.FONT);
        g.setStroke(new BasicStroke(0.6f));
        g.setColor(new Color(0xe3e3e3));
        for (double t : l.xTicks()) {
            g.draw(new Line2D.Double(l.x(t), l.plotY, l.x(t), l.plotY + l.plotH));
        }
        for (double t : l.yTicks()) {
            g.draw(new Line2D.Double(l.plotX, l.y(t), l.plotX + l.plotW, l.y(t)));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Rectangle2D.Double(l.plotX, l.plotY, l.plotW, l.plotH));
        g.setFont(small);
        for (double t : l.xTicks()) {
            g.draw(new Line2D.Double(l.x(t), l.plotY + l.plotH, l.x(t), l.plotY + l.plotH + 4));
            text(g, Layout.tickLabel(t), l.x(t), l.plotY + l.plotH + 16, 0.5);
        }
        for (double t : l.yTicks()) {
            g.draw(new Line2D.Double(l.plotX - 4, l.y(t), l.plotX, l.y(t)));
            text(g, Layout.tickLabel(t), l.plotX - 7, l.y(t) + 3.5, 1);
        }
        g.setFont(normal);
        text(g, chart.xLabel(), l.plotX + l.plotW / 2, Layout.HEIGHT - 12, 0.5);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, 16, l.plotY + l.plotH / 2);
        text(g, chart.yLabel(), 16, l.plotY + l.plotH / 2, 0.5);
        g.setTransform(saved);
        g.setFont(normal.deriveFont(Font.BOLD));
        text(g, chart.title(), Layout.WIDTH / 2, 22, 0.5);

        java.awt.Shape clip = g.getClip();
        g.clip(new Rectangle2D.Double(l.plotX, l.plotY, l.plotW, l.plotH));
        for (Chart.Series s : chart.series()) {
            double[] x = s.x();
            double[] y = s.y();
            g.setColor(Color.decode(s.color()));
            if (s.line() && x.length > 1) {
                g.setStroke(stroke(s.dashed()));
                Path2D.Double p = new Path2D.Double();
                p.moveTo(l.x(x[0]), l.y(y[0]));
                for (int i = 1; i < x.length; i++) {
                    p.lineTo(l.x(x[i]), l.y(y[i]));
                }
                g.draw(p);
            }
            if (s.markers()) {
                for (int i = 0; i < x.length; i++) {
                    g.fill(new Ellipse2D.Double(l.x(x[i]) - 3, l.y(y[i]) - 3, 6, 6));
                }
            }
        }
        g.setClip(clip);
        legend(g, l, small);
    }

    private static void legend(Graphics2D g, Layout l, Font font) {
        List<Chart.Series> entries = l.legendEntries();
        if (entries.isEmpty()) {
            return;
        }
        double[] b = l.legendBox();
        g.setFont(font);
        // the box from the measured text, so that the real font's glyphs fit
        FontMetrics fm = g.getFontMetrics();
        double textW = entries.stream().mapToDouble(s -> fm.getStringBounds(s.label(), g).getWidth()).max()
                .orElse(0);
        double w = Math.max(b[2], Layout.LEGEND_PAD * 3 + Layout.LEGEND_SWATCH + textW);
        double bx = l.chart.legend() == Chart.LegendPosition.TOP_LEFT ? b[0] : b[0] + b[2] - w;
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(new Rectangle2D.Double(bx, b[1], w, b[3]));
        g.setColor(new Color(0x999999));
        g.setStroke(new BasicStroke(0.6f));
        g.draw(new Rectangle2D.Double(bx, b[1], w, b[3]));
        for (int i = 0; i < entries.size(); i++) {
            Chart.Series s = entries.get(i);
            double rowY = b[1] + Layout.LEGEND_PAD + i * Layout.LEGEND_ROW + 6;
            double sx = bx + Layout.LEGEND_PAD;
            g.setColor(Color.decode(s.color()));
            if (s.line()) {
                g.setStroke(stroke(s.dashed()));
                g.draw(new Line2D.Double(sx, rowY, sx + Layout.LEGEND_SWATCH, rowY));
            }
            if (s.markers()) {
                g.fill(new Ellipse2D.Double(sx + Layout.LEGEND_SWATCH / 2 - 3, rowY - 3, 6, 6));
            }
            g.setColor(Color.BLACK);
            text(g, s.label(), sx + Layout.LEGEND_SWATCH + Layout.LEGEND_PAD, rowY + 3.5, 0);
        }
    }

    private static BasicStroke stroke(boolean dashed) {
        return dashed ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5, 4}, 0)
                : new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Text with its baseline at y; anchor 0 = start, 0.5 = middle, 1 = end. */
    private static void text(Graphics2D g, String s, double x, double y, double anchor) {
        double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
        g.drawString(s, (float) (x - anchor * w), (float) y);
    }

    /** PNG with a pHYs chunk: pixels per metre = dpi / 0.0254. */
    private static byte[] encode(BufferedImage img, int dpi) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            String ppm = Integer.toString((int) Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", ppm);
            phys.setAttribute("pixelsPerUnitYAxis", ppm);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, meta), null);
            } finally {
                writer.dispose();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the PNG", e);
        }
    }
}
