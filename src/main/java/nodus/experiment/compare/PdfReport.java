package nodus.experiment.compare;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Prints the report's static XHTML ({@link ReportRenderer#renderStatic}) to PDF with openhtmltopdf (PDFBox 3),
 * drawing the inline SVG figures with batik as vector graphics. Text is set in Liberation Sans, which PDFBox
 * ships, so journal typography (en dash, U+2212 minus, ≥, ±) survives and the PDF's text is extractable exactly
 * as the table prints it.
 */
final class PdfReport {

    static final String FONT_FAMILY = "Nodus Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private PdfReport() {
    }

    static byte[] print(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(PdfReport::font, FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not print the report to PDF", e);
        }
    }

    private static InputStream font() {
        InputStream in = PdfReport.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("font not on the classpath: " + FONT);
        }
        return in;
    }
}
