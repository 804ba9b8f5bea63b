package nodus.cohort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** Reads a clinical table from CSV (RFC 4180: quotes, embedded commas/newlines; ',' or ';') or XLSX (first sheet). */
public final class TableReader {

    private TableReader() {
    }

    public static ClinicalTable read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("clinical table " + file + " does not exist");
        }
        try {
            if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                return readXlsx(file);
            }
            return readCsv(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read clinical table " + file + ": " + e.getMessage(), e);
        }
    }

    static ClinicalTable readCsv(String fileName, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char sep = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count()
                ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
                any = true;
            } else if (ch == sep) {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": the table is empty (no header row)");
        }
        List<String> headers = records.get(0).stream().map(String::trim).toList();
        return new ClinicalTable(fileName, headers, records.subList(1, records.size()));
    }

    private static ClinicalTable readXlsx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            int width = 0;
            for (int r = sheet.getFirstRowNum(); r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                }
                if (r == sheet.getFirstRowNum()) {
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
                        cells.remove(cells.size() - 1);
                    }
                    width = cells.size();
                }
                rows.add(cells.size() > width ? new ArrayList<>(cells.subList(0, width)) : cells);
            }
            // Trailing blank rows are formatting, not data.
            while (rows.size() > 1 && rows.get(rows.size() - 1).stream().allMatch(String::isBlank)) {
                rows.remove(rows.size() - 1);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException(file.getFileName() + ": the first sheet is empty (no header row)");
            }
            List<String> headers = rows.get(0).stream().map(String::trim).toList();
            return new ClinicalTable(file.getFileName().toString(), headers, rows.subList(1, rows.size()));
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().format(DateTimeFormatter.ISO_LOCAL_DATE);
                }
                double d = cell.getNumericCellValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> "";
        };
    }
}
