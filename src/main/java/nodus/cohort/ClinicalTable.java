package nodus.cohort;

import java.util.List;

/**
 * A clinical table as read from a CSV or XLSX file: the header names and the data rows as text. Row numbers in
 * messages are spreadsheet row numbers (header = row 1, first data row = row 2), so users find them in Excel.
 */
public record ClinicalTable(String fileName, List<String> headers, List<List<String>> rows) {

    public ClinicalTable {
        headers = List.copyOf(headers);
        int width = headers.size();
        rows = rows.stream().map(r -> {
            List<String> padded = new java.util.ArrayList<>(r);
            while (padded.size() < width) {
                padded.add("");
            }
            return java.util.Collections.unmodifiableList(padded);
        }).toList();
    }

    public int column(String header) {
        return headers.indexOf(header);
    }

    /** The cell text of data row {@code index} (0-based) in {@code header}, trimmed; "" when blank. */
    public String cell(int index, String header) {
        int c = column(header);
        if (c < 0) {
            throw new IllegalArgumentException(fileName + ": no column '" + header + "'");
        }
        String v = rows.get(index).get(c);
        return v == null ? "" : v.trim();
    }

    /** The spreadsheet row number of data row {@code index}. */
    public static int rowNumber(int index) {
        return index + 2;
    }
}
