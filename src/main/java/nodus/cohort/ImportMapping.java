package nodus.cohort;

import java.util.List;

/**
 * How a folder is read: which table file, which columns hold the case id, patient id, image and mask file names
 * (or the file-name patterns with {@code {id}} for the case id), the pixel spacing, and the typed clinical
 * variables. Saved mappings are stored as JSON and re-used for later imports of the same layout.
 *
 * @param tableFile clinical table (CSV or XLSX), relative to the import folder
 * @param imageDir folder of images and masks relative to the import folder ("" for the folder itself)
 * @param imageColumn column with the image file name, or null to use {@code imagePattern}
 * @param imagePattern e.g. "{id}.png" (used when imageColumn is null)
 * @param maskColumn column with the mask file name (blank cell = no mask), or null to use {@code maskPattern}
 * @param maskPattern e.g. "{id}_mask.png", or null for no masks
 * @param masksRequired whether a case without a mask file is a validation problem
 * @param spacingColumn column with the pixel spacing, or null for {@code defaultSpacingMm}
 * @param spacingColumnToMm factor from the spacing column's unit to millimetres (10 for centimetres)
 * @param defaultSpacingMm pixel spacing (mm) when there is no spacing column
 */
public record ImportMapping(String tableFile, String caseIdColumn, String patientIdColumn, String imageDir,
        String imageColumn, String imagePattern, String maskColumn, String maskPattern, boolean masksRequired,
        String spacingColumn, double spacingColumnToMm, double defaultSpacingMm, List<Variable> variables) {

    public ImportMapping {
        if (tableFile == null || tableFile.isBlank()) {
            throw new IllegalArgumentException("the mapping needs the clinical table file");
        }
        if (caseIdColumn == null || caseIdColumn.isBlank()) {
            throw new IllegalArgumentException("the mapping needs the case id column");
        }
        if ((imageColumn == null) == (imagePattern == null)) {
            throw new IllegalArgumentException("the mapping needs exactly one of an image column or an image pattern");
        }
        if (imagePattern != null && !imagePattern.contains("{id}")) {
            throw new IllegalArgumentException("image pattern must contain {id}, got '" + imagePattern + "'");
        }
        if (maskColumn != null && maskPattern != null) {
            throw new IllegalArgumentException("use a mask column or a mask pattern, not both");
        }
        if (!(spacingColumnToMm > 0) || !(defaultSpacingMm > 0)) {
            throw new IllegalArgumentException("spacing factor and default spacing must be positive");
        }
        imageDir = imageDir == null ? "" : imageDir;
        variables = List.copyOf(variables);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ImportMapping withVariables(List<Variable> newVariables) {
        return new ImportMapping(tableFile, caseIdColumn, patientIdColumn, imageDir, imageColumn, imagePattern,
                maskColumn, maskPattern, masksRequired, spacingColumn, spacingColumnToMm, defaultSpacingMm,
                newVariables);
    }

    /** Builder: {@code set*} are required, {@code opt*} optional. */
    public static final class Builder {
        private String tableFile;
        private String caseIdColumn;
        private String patientIdColumn;
        private String imageDir = "";
        private String imageColumn;
        private String imagePattern;
        private String maskColumn;
        private String maskPattern;
        private boolean masksRequired;
        private String spacingColumn;
        private double spacingColumnToMm = 1;
        private double defaultSpacingMm = 1;
        private List<Variable> variables = List.of();

        public Builder setTableFile(String v) { tableFile = v; return this; }
        public Builder setCaseIdColumn(String v) { caseIdColumn = v; return this; }
        public Builder setImageColumn(String v) { imageColumn = v; return this; }
        public Builder setImagePattern(String v) { imagePattern = v; return this; }
        public Builder setVariables(List<Variable> v) { variables = v; return this; }
        public Builder optPatientIdColumn(String v) { patientIdColumn = v; return this; }
        public Builder optImageDir(String v) { imageDir = v; return this; }
        public Builder optMaskColumn(String v) { maskColumn = v; return this; }
        public Builder optMaskPattern(String v) { maskPattern = v; return this; }
        public Builder optMasksRequired(boolean v) { masksRequired = v; return this; }
        public Builder optSpacingColumn(String column, double toMm) { spacingColumn = column; spacingColumnToMm = toMm; return this; }
        public Builder optDefaultSpacingMm(double v) { defaultSpacingMm = v; return this; }

        public ImportMapping build() {
            return new ImportMapping(tableFile, caseIdColumn, patientIdColumn, imageDir, imageColumn, imagePattern,
                    maskColumn, maskPattern, masksRequired, spacingColumn, spacingColumnToMm, defaultSpacingMm,
                    variables);
        }
    }
}
