package nodus.cohort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Table 1 as CSV (UTF-8, RFC 4180) or XLSX: one header row, then one row per table row; p-values unrounded. */
public final class Table1Export {

    private Table1Export() {
    }

    static List<List<String>> lines(Table1 t) {
        List<List<String>> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("variable", "level"));
        for (int p = 0; p < t.parts().size(); p++) {
            for (int c = 0; c < t.classes().size(); c++) {
                head.add(t.parts().get(p) + ": " + t.classes().get(c) + " (n=" + t.counts().get(p)[c] + ")");
            }
            head.add(t.parts().get(p) + ": p");
            head.add(t.parts().get(p) + ": test");
        }
        lines.add(head);
        for (Table1.Row r : t.rows()) {
            List<String> line = new ArrayList<>(List.of(r.variable(), r.level() == null ? "" : r.level()));
            for (int p = 0; p < t.parts().size(); p++) {
                line.addAll(r.cells().get(p));
                line.add(Double.isNaN(r.p()[p]) ? "" : Double.toString(r.p()[p]));
                line.add(r.test().get(p));
            }
            lines.add(line);
        }
        return lines;
    }

    public static String csv(Table1 t) {
        StringBuilder sb = new StringBuilder();
        for (List<String> line : lines(t)) {
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String v = line.get(i);
                sb.append(v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    public static byte[] xlsx(Table1 t) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Table 1");
            List<List<String>> lines = lines(t);
            for (int i = 0; i < lines.size(); i++) {
                Row row = sheet.createRow(i);
                List<String> line = lines.get(i);
                for (int j = 0; j < line.size(); j++) {
                    String v = line.get(j);
                    boolean pColumn = i > 0 && lines.get(0).get(j).endsWith(": p") && !v.isEmpty();
                    if (pColumn) {
                        row.createCell(j).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(j).setCellValue(v);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
