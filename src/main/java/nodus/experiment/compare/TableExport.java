package nodus.experiment.compare;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The comparison table in the formats a manuscript needs: CSV (RFC 4180), XLSX and a LaTeX tabular. */
public final class TableExport {

    private TableExport() {
    }

    public static String csv(ComparisonResult result) {
        StringBuilder s = new StringBuilder();
        s.append(String.join(",", ComparisonTable.HEADERS.stream().map(TableExport::csvCell).toList())).append("\r\n");
        for (ComparisonTable.Line line : ComparisonTable.lines(result)) {
            s.append(String.join(",", line.cells().stream().map(TableExport::csvCell).toList())).append("\r\n");
        }
        return s.toString();
    }

    private static String csvCell(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** Sheet "Table" (best per column in bold) and one sheet per part with the DeLong p-value matrix. */
    public static byte[] xlsx(ComparisonResult result) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle boldStyle = wb.createCellStyle();
            boldStyle.setFont(bold);
            Sheet sheet = wb.createSheet("Table");
            Row header = sheet.createRow(0);
            for (int c = 0; c < ComparisonTable.HEADERS.size(); c++) {
                header.createCell(c).setCellValue(ComparisonTable.HEADERS.get(c));
                header.getCell(c).setCellStyle(boldStyle);
            }
            int r = 1;
            for (ComparisonTable.Line line : ComparisonTable.lines(result)) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < line.cells().size(); c++) {
                    row.createCell(c).setCellValue(line.cells().get(c));
                    if (line.best()[c]) {
                        row.getCell(c).setCellStyle(boldStyle);
                    }
                }
            }
            for (var part : result.spec().parts()) {
                Sheet m = wb.createSheet("DeLong " + ComparisonTable.cohortLabel(part));
                List<List<String>> cells = ComparisonTable.delongMatrix(result, part);
                for (int i = 0; i < cells.size(); i++) {
                    Row row = m.createRow(i);
                    for (int c = 0; c < cells.get(i).size(); c++) {
                        row.createCell(c).setCellValue(cells.get(i).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A booktabs tabular; best values per part in bold; en dashes as "--", "<" in math mode. */
    public static String latex(ComparisonResult result) {
        StringBuilder s = new StringBuilder();
        s.append("% requires \\usepackage{booktabs}\n");
        s.append("\\begin{tabular}{ll").append("r".repeat(ComparisonTable.HEADERS.size() - 2)).append("}\n");
        s.append("\\toprule\n");
        s.append(String.join(" & ", ComparisonTable.HEADERS.stream().map(TableExport::tex).toList()))
                .append(" \\\\\n\\midrule\n");
        for (ComparisonTable.Line line : ComparisonTable.lines(result)) {
            StringBuilder l = new StringBuilder();
            for (int c = 0; c < line.cells().size(); c++) {
                if (c > 0) {
                    l.append(" & ");
                }
                String cell = tex(line.cells().get(c));
                l.append(line.best()[c] ? "\\textbf{" + cell + "}" : cell);
            }
            s.append(l).append(" \\\\\n");
        }
        s.append("\\bottomrule\n\\end{tabular}\n");
        return s.toString();
    }

    static String tex(String v) {
        return v.replace("\\", "\\textbackslash{}").replace("&", "\\&").replace("%", "\\%").replace("_", "\\_")
                .replace("#", "\\#").replace(JournalFormat.DASH, "--").replace("< ", "$<$ ")
                .replace("\u2212", "$-$");
    }
}
