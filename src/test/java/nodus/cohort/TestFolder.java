package nodus.cohort;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A small import folder made in the test: six cases of four patients (P3 and P4 have two lesions each), 40×30 grey
 * PNG images with a 10×8 lesion mask each, and the clinical table as CSV and XLSX (same content). Tests break one
 * thing at a time.
 */
final class TestFolder {

    static final List<String> HEADER = List.of("case_id", "patient_id", "age", "size_mm", "grade", "er", "aln");
    final Path root;
    final List<List<String>> rows = new ArrayList<>();

    TestFolder() {
        try {
            root = Files.createTempDirectory("nodus-import-test");
            Files.createDirectories(root.resolve("img"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.add(List.of("C1", "P1", "45", "12.5", "I", "positive", "N0"));
        rows.add(List.of("C2", "P2", "61", "30", "III", "negative", "N+"));
        rows.add(List.of("C3", "P3", "52", "18.2", "II", "positive", "N0"));
        rows.add(List.of("C4", "P3", "52", "9.0", "II", "positive", "N0"));
        rows.add(List.of("C5", "P4", "not available", "22", "III", "negative", "N+"));
        rows.add(List.of("C6", "P4", "70", "41", "I", "positive", "N+"));
        for (List<String> r : rows) {
            image(r.get(0) + ".png", 40, 30, 90);
            mask(r.get(0) + "_mask.png", 40, 30, true);
        }
        writeCsv();
    }

    ImportMapping mapping(String tableFile) {
        return ImportMapping.builder().setTableFile(tableFile).setCaseIdColumn("case_id")
                .optPatientIdColumn("patient_id").optImageDir("img").setImagePattern("{id}.png")
                .optMaskPattern("{id}_mask.png").optMasksRequired(true).optDefaultSpacingMm(0.1)
                .setVariables(List.of(Variable.numeric("age", VariableRole.PREDICTOR),
                        Variable.numeric("size_mm", VariableRole.PREDICTOR),
                        Variable.ordinal("grade", VariableRole.PREDICTOR, List.of("I", "II", "III")),
                        Variable.categorical("er", VariableRole.PREDICTOR, List.of("negative", "positive")),
                        Variable.categorical("aln", VariableRole.OUTCOME, List.of("N0", "N+"))))
                .build();
    }

    ImportRequest request(String name) {
        return new ImportRequest(root, name, "test folder", mapping("clinical.csv"));
    }

    void set(int row, String column, String value) {
        List<String> r = new ArrayList<>(rows.get(row));
        r.set(HEADER.indexOf(column), value);
        rows.set(row, r);
        writeCsv();
    }

    void writeCsv() {
        StringBuilder sb = new StringBuilder(String.join(",", HEADER)).append('\n');
        rows.forEach(r -> sb.append(String.join(",", r)).append('\n'));
        try {
            Files.writeString(root.resolve("clinical.csv"), sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same table as XLSX; numbers as numeric cells (as Excel stores them). */
    void writeXlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(root.resolve("clinical.xlsx"))) {
            var sheet = wb.createSheet("clinical");
            var head = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                head.createCell(c).setCellValue(HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < HEADER.size(); c++) {
                    String v = rows.get(r).get(c);
                    Double d = MissingValues.parseNumber(v);
                    if (d != null && c >= 2) {
                        row.createCell(c).setCellValue(d);
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void image(String name, int w, int h, int grey) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, (grey + x * 3 + y) % 256);
            }
        }
        write(img, name);
    }

    void mask(String name, int w, int h, boolean lesion) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        if (lesion) {
            for (int y = 10; y < 18; y++) {
                for (int x = 12; x < 22; x++) {
                    img.getRaster().setSample(x, y, 0, 255);
                }
            }
        }
        write(img, name);
    }

    void garbage(String name) {
        try {
            Files.writeString(root.resolve("img").resolve(name), "this is not a PNG");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        try {
            Files.delete(root.resolve("img").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(BufferedImage img, String name) {
        try {
            ImageIO.write(img, "png", root.resolve("img").resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
