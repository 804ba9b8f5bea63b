package nodus.classical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of one fitted step: what was fitted (spec), with which seeds, on which data (hash of the exact
 * values and labels, plus the case-id hash and split part), with which library versions, and — for Tribuo
 * models — Tribuo's own model provenance (trainer hyper-parameters, dataset provenance, timestamps) as a map.
 *
 * @param step             e.g. "lasso-logistic"
 * @param spec             hyper-parameters as plain values
 * @param seeds            named seeds (empty map if the step is deterministic)
 * @param dataHash         SHA-256 over case ids, feature names, values (as IEEE bits) and labels of the fitting data
 * @param fittedOn         split part and case-id hash
 * @param libraryVersions  e.g. tribuo → 4.3.2, java → 17.0.x
 * @param tribuoProvenance Tribuo's model provenance ({@code ProvenanceUtil.convertToMap}); empty if not a Tribuo model
 */
public record FitProvenance(String step, Map<String, Object> spec, Map<String, Long> seeds, String dataHash,
                            FittedOn fittedOn, Map<String, String> libraryVersions,
                            Map<String, Object> tribuoProvenance) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public FitProvenance {
        Objects.requireNonNull(step);
        spec = Map.copyOf(spec);
        seeds = Map.copyOf(seeds);
        Objects.requireNonNull(dataHash);
        Objects.requireNonNull(fittedOn);
        libraryVersions = Map.copyOf(libraryVersions);
        tribuoProvenance = tribuoProvenance == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new LinkedHashMap<>(tribuoProvenance));
    }

    static FitProvenance of(String step, Map<String, Object> spec, Map<String, Long> seeds, FeatureTable data,
                            FittedOn fittedOn, ObjectProvenance tribuo) {
        Map<String, Object> tp = tribuo == null ? Map.of() : ProvenanceUtil.convertToMap(tribuo);
        return new FitProvenance(step, spec, seeds, dataHash(data), fittedOn, currentLibraryVersions(), tp);
    }

    static Map<String, String> currentLibraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tribuo", org.tribuo.Tribuo.VERSION);
        v.put("liblinear-java", implementationVersion(de.bwaldvogel.liblinear.Linear.class, "2.44"));
        v.put("libsvm", "3.25");
        v.put("ejml", implementationVersion(org.ejml.data.DMatrixRMaj.class, "0.43.1"));
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static String implementationVersion(Class<?> c, String fallback) {
        String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
        return v == null ? fallback + " (pom)" : v;
    }

    /** SHA-256 over case ids, feature names, the exact values (IEEE-754 bits) and labels. */
    public static String dataHash(FeatureTable t) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\u001f", t.featureNames())).append('\n');
        for (int i = 0; i < t.rows(); i++) {
            sb.append(t.caseIds().get(i)).append('\u001f').append(t.label(i));
            for (int j = 0; j < t.columns(); j++) {
                sb.append('\u001f').append(Long.toHexString(Double.doubleToLongBits(t.value(i, j))));
            }
            sb.append('\n');
        }
        return CaseIdHash.sha256(sb.toString());
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provenance not serialisable: " + e.getMessage(), e);
        }
    }

    public static FitProvenance fromJson(String json) {
        try {
            return JSON.readValue(json, FitProvenance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a FitProvenance JSON: " + e.getMessage(), e);
        }
    }
}
