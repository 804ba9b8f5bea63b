package nodus.cohort;

import java.util.List;
import java.util.Map;

/**
 * A case (one lesion) of a dataset: its key, the patient it belongs to, the clinical values as text (missing
 * values absent; types come from the dataset's variables), its images, and the table row it was imported from.
 */
public record ClinicalCase(long id, long datasetId, String caseKey, String patientKey, Map<String, String> values,
        List<CaseImage> images, int sourceRow) {

    public ClinicalCase {
        if (caseKey == null || caseKey.isBlank() || patientKey == null || patientKey.isBlank()) {
            throw new IllegalArgumentException("case and patient keys are required");
        }
        values = Map.copyOf(values);
        images = List.copyOf(images);
    }

    public String value(String variable) {
        return values.get(variable);
    }

    public Double number(String variable) {
        String v = values.get(variable);
        return v == null ? null : MissingValues.parseNumber(v);
    }
}
