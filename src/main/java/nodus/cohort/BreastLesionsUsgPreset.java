package nodus.cohort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The BrEaST-Lesions-USG layout (Pawłowska et al., Sci Data 11:148, 2024; CC BY 4.0): {@code clinical.csv} (or
 * {@code clinical.xlsx}) with one row per case, {@code images/caseNNN.png} and tumour masks named in
 * Mask_tumor_filename (blank for the normal cases), pixel size in centimetres. The radiologist's and
 * pathologist's conclusions (Interpretation, BIRADS, Verification, Diagnosis) would leak the label and are
 * EXCLUDED from predictors; Classification is the outcome, and the cohort's task is malignant vs benign (the normal
 * cases have neither label and are not in the task).
 */
public final class BreastLesionsUsgPreset {

    public static final String NAME = "breast-lesions-usg";
    public static final Set<String> LEAKING = Set.of("Interpretation", "BIRADS", "Verification", "Diagnosis");
    public static final String OUTCOME = "Classification";
    public static final String TASK = "malignant vs benign";
    static final Set<String> FILE_COLUMNS = Set.of("CaseID", "Image_filename", "Mask_tumor_filename",
            "Mask_other_filename", "Pixel_size");

    private BreastLesionsUsgPreset() {
    }

    public static ImportRequest request(Path folder, String datasetName) {
        String tableFile = Files.isRegularFile(folder.resolve("clinical.csv")) ? "clinical.csv" : "clinical.xlsx";
        ClinicalTable table = TableReader.read(folder.resolve(tableFile));
        List<Variable> variables = new ArrayList<>();
        for (Variable v : TypeDetector.variables(table, FILE_COLUMNS)) {
            if (LEAKING.contains(v.name())) {
                variables.add(v.withRole(VariableRole.EXCLUDED));
            } else if (OUTCOME.equals(v.name())) {
                variables.add(v.withRole(VariableRole.OUTCOME));
            } else {
                variables.add(v);
            }
        }
        ImportMapping mapping = ImportMapping.builder().setTableFile(tableFile).setCaseIdColumn("CaseID")
                .optImageDir("images").setImageColumn("Image_filename").optMaskColumn("Mask_tumor_filename")
                .optSpacingColumn("Pixel_size", 10.0).setVariables(variables).build();
        return new ImportRequest(folder, datasetName,
                "BrEaST-Lesions-USG (Pawłowska A. et al., Scientific Data 11, 148 (2024); CC BY 4.0) from " + folder,
                mapping);
    }

    public static List<Task> tasks() {
        return List.of(new Task(TASK, TaskKind.BINARY_SUBSET, OUTCOME, List.of(
                new LabelClass("benign", List.of("benign")), new LabelClass("malignant", List.of("malignant")))));
    }

    public static List<Rule> rules() {
        return List.of(Rule.include(OUTCOME, Rule.Op.PRESENT, null));
    }
}
