package nodus.cohort;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;

/**
 * Checks a whole import before anything is written and collects EVERY problem (not just the first): missing or
 * unreadable image, mask missing/unreadable, mask size differs from its image, empty mask, duplicated case id,
 * non-numeric value in a numeric column, unknown category, missing columns. Images and masks are decoded with
 * {@link ImageFiles} (the same reader radiomics uses), so whatever passes here can be analysed later.
 */
final class ImportValidator {

    /** A row that passed: everything needed to write it. Paths are absolute sources; rel paths are inside the folder. */
    record ValidRow(int sourceRow, String caseKey, String patientKey, Map<String, String> values, Path image,
            Path mask, int width, int height, double spacingMm, int maskPixels) {
    }

    record Result(ClinicalTable table, List<ValidRow> rows, List<ImportProblem> problems) {
    }

    private ImportValidator() {
    }

    static Result validate(ImportRequest request) {
        ImportMapping m = request.mapping();
        Path tablePath = request.folder().resolve(m.tableFile());
        List<ImportProblem> problems = new ArrayList<>();
        ClinicalTable table;
        try {
            table = TableReader.read(tablePath);
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(m.tableFile(), null, null, e.getMessage()));
            return new Result(null, List.of(), problems);
        }
        String file = table.fileName();
        List<String> needed = new ArrayList<>();
        needed.add(m.caseIdColumn());
        for (String c : new String[] {m.patientIdColumn(), m.imageColumn(), m.maskColumn(), m.spacingColumn()}) {
            if (c != null) {
                needed.add(c);
            }
        }
        m.variables().forEach(v -> needed.add(v.name()));
        for (String c : needed) {
            if (table.column(c) < 0) {
                problems.add(new ImportProblem(file, 1, c, "column is missing from the table"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(table, List.of(), problems);
        }
        Path imageDir = request.folder().resolve(m.imageDir());
        Map<String, Integer> firstRowOfCase = new HashMap<>();
        List<ValidRow> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            int rowNo = ClinicalTable.rowNumber(i);
            int before = problems.size();
            String caseKey = table.cell(i, m.caseIdColumn());
            if (caseKey.isEmpty()) {
                problems.add(new ImportProblem(file, rowNo, m.caseIdColumn(), "case id is empty"));
                continue;
            }
            Integer earlier = firstRowOfCase.putIfAbsent(caseKey, rowNo);
            if (earlier != null) {
                problems.add(new ImportProblem(file, rowNo, m.caseIdColumn(),
                        "duplicated case id '" + caseKey + "' (first in row " + earlier + ")"));
            }
            String patientKey = m.patientIdColumn() == null ? caseKey : table.cell(i, m.patientIdColumn());
            if (patientKey.isEmpty()) {
                problems.add(new ImportProblem(file, rowNo, m.patientIdColumn(), "patient id is empty"));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Variable v : m.variables()) {
                String raw = table.cell(i, v.name());
                if (MissingValues.isMissing(raw)) {
                    continue;
                }
                if (v.kind() == VariableKind.NUMERIC) {
                    Double d = MissingValues.parseNumber(raw);
                    if (d == null) {
                        problems.add(new ImportProblem(file, rowNo, v.name(), "'" + raw + "' is not a number"));
                    } else {
                        values.put(v.name(), raw.trim());
                    }
                } else if (!v.categories().isEmpty()) {
                    String known = v.categories().stream().filter(c -> c.equalsIgnoreCase(raw)).findFirst().orElse(null);
                    if (known == null) {
                        problems.add(new ImportProblem(file, rowNo, v.name(), "unknown category '" + raw
                                + "' (allowed: " + String.join(", ", v.categories()) + ")"));
                    } else {
                        values.put(v.name(), known);
                    }
                } else {
                    values.put(v.name(), raw);
                }
            }
            double spacing = m.defaultSpacingMm();
            if (m.spacingColumn() != null) {
                Double s = MissingValues.parseNumber(table.cell(i, m.spacingColumn()));
                if (s == null || !(s > 0)) {
                    problems.add(new ImportProblem(file, rowNo, m.spacingColumn(), "pixel spacing '"
                            + table.cell(i, m.spacingColumn()) + "' is not a positive number"));
                } else {
                    spacing = s * m.spacingColumnToMm();
                }
            }
            String imageColumn = m.imageColumn() != null ? m.imageColumn() : "image pattern " + m.imagePattern();
            String imageName = m.imageColumn() != null ? table.cell(i, m.imageColumn())
                    : m.imagePattern().replace("{id}", caseKey);
            GrayImage image = null;
            Path imagePath = imageDir.resolve(imageName).normalize();
            if (imageName.isEmpty()) {
                problems.add(new ImportProblem(file, rowNo, imageColumn, "no image file named"));
            } else if (!imagePath.startsWith(request.folder())) {
                problems.add(new ImportProblem(file, rowNo, imageColumn, "image " + imageName + " is outside the folder"));
            } else if (!Files.isRegularFile(imagePath)) {
                problems.add(new ImportProblem(rel(request, imagePath), rowNo, imageColumn, "image file is missing"));
            } else {
                try {
                    image = ImageFiles.readImage(imagePath);
                } catch (RuntimeException e) {
                    problems.add(new ImportProblem(rel(request, imagePath), rowNo, imageColumn,
                            "image cannot be read (not a readable PNG, JPEG or BMP)"));
                }
            }
            String maskColumn = m.maskColumn() != null ? m.maskColumn()
                    : m.maskPattern() != null ? "mask pattern " + m.maskPattern() : null;
            String maskName = m.maskColumn() != null ? table.cell(i, m.maskColumn())
                    : m.maskPattern() != null ? m.maskPattern().replace("{id}", caseKey) : "";
            Path maskPath = null;
            int maskPixels = 0;
            if (!maskName.isEmpty()) {
                Path candidate = imageDir.resolve(maskName).normalize();
                boolean exists = candidate.startsWith(request.folder()) && Files.isRegularFile(candidate);
                if (!exists) {
                    if (m.maskColumn() != null || m.masksRequired()) {
                        problems.add(new ImportProblem(rel(request, candidate), rowNo, maskColumn, "mask file is missing"));
                    }
                } else {
                    maskPath = candidate;
                    maskPixels = checkMask(request, candidate, image, rowNo, maskColumn, problems);
                }
            } else if (m.masksRequired()) {
                problems.add(new ImportProblem(file, rowNo, maskColumn, "no mask file named"));
            }
            if (problems.size() == before && image != null) {
                rows.add(new ValidRow(rowNo, caseKey, patientKey, values, imagePath, maskPath, image.width(),
                        image.height(), spacing, maskPixels));
            }
        }
        if (table.rows().isEmpty()) {
            problems.add(new ImportProblem(file, null, null, "the table has no data rows"));
        }
        return new Result(table, rows, problems);
    }

    private static int checkMask(ImportRequest request, Path maskPath, GrayImage image, int rowNo, String column,
            List<ImportProblem> problems) {
        String name = rel(request, maskPath);
        Mask mask;
        try {
            mask = ImageFiles.readMask(maskPath, null);
        } catch (IllegalArgumentException e) {
            // ImageFiles.readMask refuses a decodable mask with no lesion pixel with "... has no lesion pixel".
            boolean empty = e.getMessage() != null && e.getMessage().contains("no lesion pixel");
            problems.add(new ImportProblem(name, rowNo, column, empty ? "mask is empty (no lesion pixel)"
                    : "mask cannot be read (not a readable PNG, JPEG or BMP)"));
            return 0;
        } catch (UncheckedIOException e) {
            problems.add(new ImportProblem(name, rowNo, column, "mask cannot be read: " + e.getMessage()));
            return 0;
        }
        if (image != null && !mask.sameGeometryAs(image)) {
            problems.add(new ImportProblem(name, rowNo, column, "mask size " + mask.width() + "×" + mask.height()
                    + " px differs from its image " + image.width() + "×" + image.height() + " px"));
        }
        return mask.count();
    }

    static String rel(ImportRequest request, Path file) {
        Path p = file.normalize();
        return p.startsWith(request.folder()) ? request.folder().relativize(p).toString() : p.toString();
    }
}
