package nodus.cohort;

/** One validation problem: the file, the spreadsheet row (null when not about a row), the column, and what is wrong. */
public record ImportProblem(String file, Integer row, String column, String message) {

    @Override
    public String toString() {
        return file + (row == null ? "" : " row " + row) + (column == null ? "" : " column " + column) + ": " + message;
    }
}
