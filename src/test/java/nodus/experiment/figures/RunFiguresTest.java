package nodus.experiment.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import nodus.experiment.CasePrediction;
import nodus.experiment.SplitPart;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The server-side figures: names per part, well-formed SVG with axes, ticks, legend (AUC with CI, HL p) and the
 * curves; PNG at 1800 × 1200 px with 300 dpi in pHYs; deterministic bytes; multi-class and one-class parts skipped.
 */
class RunFiguresTest {

    static List<CasePrediction> predictions(long seed) {
        Random r = new Random(seed);
        List<CasePrediction> out = new ArrayList<>();
        int i = 0;
        for (SplitPart part : SplitPart.values()) {
            int n = part == SplitPart.TRAIN ? 120 : 40;
            for (int k = 0; k < n; k++) {
                int y = r.nextDouble() < 0.4 ? 1 : 0;
                double eta = -0.4 + 1.6 * y + r.nextGaussian();
                out.add(CasePrediction.binary("c" + i++, part, y, 1 / (1 + Math.exp(-eta))));
            }
        }
        return out;
    }

    @Test
    void everyPartGetsRocDcaAndCalibrationAsSvgAndPng() throws Exception {
        Map<String, byte[]> figures = RunFigures.render(predictions(5));
        List<String> expected = new ArrayList<>();
        for (String part : List.of("train", "val", "test")) {
            for (String fig : List.of("roc", "dca", "calibration")) {
                expected.add(fig + "_" + part + ".svg");
                expected.add(fig + "_" + part + ".png");
            }
        }
        assertThat(figures.keySet()).containsExactlyElementsOf(expected);
        Path dump = Path.of("target", "figures-test");
        Files.createDirectories(dump);
        for (var e : figures.entrySet()) {
            Files.write(dump.resolve(e.getKey()), e.getValue());
        }

        Document roc = parse(figures.get("roc_test.svg"));
        Element svg = roc.getDocumentElement();
        assertThat(svg.getAttribute("viewBox")).isEqualTo("0 0 600 400");
        assertThat(svg.getAttribute("width")).isEqualTo("6in");
        String texts = texts(roc);
        assertThat(texts).contains("ROC curve — test part (n = 40", "1 − specificity", "Sensitivity",
                "Chance (AUC 0.5)").containsPattern("AUC 0\\.\\d{3} \\(95% CI 0\\.\\d{3}–(0|1)\\.\\d{3}\\)");
        // ticks 0, 0.2, …, 1 on both axes
        for (String t : List.of("0", "0.2", "0.4", "0.6", "0.8", "1")) {
            assertThat(texts).contains("|" + t + "|");
        }
        assertThat(roc.getElementsByTagName("polyline").getLength()).isEqualTo(2);

        String dca = texts(parse(figures.get("dca_val.svg")));
        assertThat(dca).contains("Decision curve", "Threshold probability", "Net benefit", "Treat all",
                "Treat none", "|Model|");
        String cal = texts(parse(figures.get("calibration_train.svg")));
        assertThat(cal).containsPattern("Model \\(Hosmer–Lemeshow p = [01]\\.\\d{3}\\); Brier 0\\.\\d{3}")
                .contains("Perfect calibration");

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(figures.get("roc_test.png")));
        assertThat(png.getWidth()).isEqualTo(1800);
        assertThat(png.getHeight()).isEqualTo(1200);
        assertThat(dpi(figures.get("roc_test.png"))).isEqualTo(11811); // 300 dpi in pixels per metre
        // not blank: the model curve's blue is drawn
        boolean blue = false;
        for (int x = 0; x < png.getWidth() && !blue; x += 3) {
            for (int y = 0; y < png.getHeight() && !blue; y += 3) {
                blue = png.getRGB(x, y) == 0xff1f77b4;
            }
        }
        assertThat(blue).isTrue();

        // deterministic
        Map<String, byte[]> again = RunFigures.render(predictions(5));
        for (String name : expected) {
            assertThat(again.get(name)).as(name).isEqualTo(figures.get(name));
        }
    }

    @Test
    void multiClassRunsAndOneClassPartsGetNoFigures() {
        List<CasePrediction> multi = List.of(new CasePrediction("a", SplitPart.TEST, 2, 0.3, new double[] {0.3, 0.3,
                0.4}), new CasePrediction("b", SplitPart.TEST, 0, 0.3, new double[] {0.4, 0.3, 0.3}));
        assertThat(RunFigures.render(multi)).isEmpty();
        List<CasePrediction> oneClassTest = new ArrayList<>(predictions(1).stream()
                .filter(p -> p.part() != SplitPart.TEST).toList());
        oneClassTest.add(CasePrediction.binary("t1", SplitPart.TEST, 1, 0.7));
        oneClassTest.add(CasePrediction.binary("t2", SplitPart.TEST, 1, 0.4));
        assertThat(RunFigures.render(oneClassTest).keySet()).noneMatch(k -> k.contains("_test."));
    }

    @Test
    void niceTicks() {
        assertThat(Layout.ticks(0, 1)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(Layout.ticks(-0.05, 0.45)).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4);
        assertThat(Layout.tickLabel(0.30000000000000004)).isEqualTo("0.30000000000000004");
        assertThat(Layout.tickLabel(Layout.ticks(0, 1).get(3))).isEqualTo("0.6");
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    /** Every text element's content, each between bars: |a||b|… */
    private static String texts(Document d) {
        NodeList list = d.getElementsByTagName("text");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.getLength(); i++) {
            sb.append('|').append(list.item(i).getTextContent()).append('|');
        }
        return sb.toString();
    }

    private static int dpi(byte[] png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            Element root = (Element) meta.getAsTree("javax_imageio_png_1.0");
            Element phys = (Element) root.getElementsByTagName("pHYs").item(0);
            return Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis"));
        }
    }

    @SuppressWarnings("unused")
    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
