package nodus.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-case predictions read from a CSV file with header columns {@code id,label,score} (any order, extra columns
 * ignored; label 0/1, score a probability in [0, 1]). Any problem throws {@link IllegalArgumentException} whose
 * one-line message names the file, the line (header = line 1) and the problem, so the command can exit 2.
 */
record PredictionsCsv(String name, List<String> ids, double[] labels, double[] scores) {

    static PredictionsCsv read(Path file) {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(name, r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name + ": file not found");
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static PredictionsCsv parse(String name, BufferedReader r) throws IOException {
        String header = r.readLine();
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException(name + ": empty file, expected a header id,label,score");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1); // byte-order mark written by spreadsheet programs
        }
        String[] cols = split(header);
        int idCol = -1;
        int labelCol = -1;
        int scoreCol = -1;
        for (int i = 0; i < cols.length; i++) {
            switch (cols[i].trim().toLowerCase(java.util.Locale.ROOT)) {
                case "id" -> idCol = i;
                case "label" -> labelCol = i;
                case "score" -> scoreCol = i;
                default -> { }
            }
        }
        for (String[] need : new String[][] {{"id", "" + idCol}, {"label", "" + labelCol}, {"score", "" + scoreCol}}) {
            if (need[1].equals("-1")) {
                throw new IllegalArgumentException(name + " line 1: missing column '" + need[0] + "' (header is '"
                        + header + "', expected id,label,score)");
            }
        }
        List<String> ids = new ArrayList<>();
        double[] labels = new double[1024];
        double[] scores = new double[1024];
        Map<String, Integer> firstLine = new HashMap<>(1 << 16);
        String[] f = new String[cols.length];
        int lineNo = 1;
        int n = 0;
        int positives = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int found = split(line, f);
            if (found != cols.length) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": expected " + cols.length
                        + " fields, found " + found);
            }
            String id = f[idCol];
            if (id.isEmpty()) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": empty id");
            }
            Integer seen = firstLine.putIfAbsent(id, lineNo);
            if (seen != null) {
                throw new IllegalArgumentException(name + " line " + lineNo + ": duplicate id '" + id
                        + "' (first on line " + seen + ")");
            }
            String label = f[labelCol];
            double y;
            if (label.equals("0")) {
                y = 0;
            } else if (label.equals("1")) {
                y = 1;
                positives++;
            } else {
                throw new IllegalArgumentException(where(name, lineNo, id) + "label '" + label + "' is not 0 or 1");
            }
            String scoreText = f[scoreCol];
            double s;
            try {
                s = Double.parseDouble(scoreText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where(name, lineNo, id) + "score '" + scoreText
                        + "' is not a number");
            }
            if (Double.isNaN(s)) {
                throw new IllegalArgumentException(where(name, lineNo, id) + "score is NaN");
            }
            if (s < 0 || s > 1) {
                throw new IllegalArgumentException(where(name, lineNo, id) + "score " + scoreText
                        + " is outside [0, 1]");
            }
            if (n == labels.length) {
                labels = java.util.Arrays.copyOf(labels, 2 * n);
                scores = java.util.Arrays.copyOf(scores, 2 * n);
            }
            ids.add(id);
            labels[n] = y;
            scores[n] = s;
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + ": no data rows after the header");
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException(name + ": all " + n + " cases have label " + (positives == 0 ? 0 : 1)
                    + "; need both classes (0 and 1)");
        }
        return new PredictionsCsv(name, List.copyOf(ids), java.util.Arrays.copyOf(labels, n),
                java.util.Arrays.copyOf(scores, n));
    }

    private static String where(String name, int lineNo, String id) {
        return name + " line " + lineNo + " (id '" + id + "'): ";
    }

    /** Splits on commas; fields are trimmed and lose surrounding double quotes (no embedded commas expected). */
    private static String[] split(String line) {
        String[] f = new String[(int) line.chars().filter(c -> c == ',').count() + 1];
        split(line, f);
        return f;
    }

    /**
     * Splits {@code line} into {@code out} without regular expressions (this loop runs once per case); returns the
     * number of fields found, which may exceed {@code out.length} (then only the first ones are stored).
     */
    private static int split(String line, String[] out) {
        int count = 0;
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            if (count < out.length) {
                out[count] = clean(line, start, end);
            }
            count++;
            if (comma < 0) {
                return count;
            }
            start = comma + 1;
        }
    }

    private static String clean(String line, int start, int end) {
        while (start < end && line.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && line.charAt(end - 1) <= ' ') {
            end--;
        }
        if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        return line.substring(start, end);
    }

    int size() {
        return labels.length;
    }
}
