package nodus.classical.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.classical.LassoCv;
import nodus.classical.SvmPlatt;

/** Provenance pieces of the classical runs, as plain maps serialised with Jackson. */
final class ClassicalProvenance {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ClassicalProvenance() {
    }

    static List<Double> list(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    /** CV curve, chosen C, the refit's non-zero coefficients and its FitProvenance (Tribuo's included). */
    static Map<String, Object> lasso(LassoCv.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", r.rule().name());
        m.put("bestC", r.bestC());
        m.put("chosenC", r.chosenC());
        m.put("cv", r.cv().stream().map(p -> Map.of("C", p.c(), "meanAuc", p.meanAuc(), "seAuc", p.seAuc()))
                .toList());
        m.put("intercept", r.model().intercept());
        m.put("nonZeroCoefficients", r.model().nonZeroCoefficients());
        m.put("selectedFeatures", r.model().selectedFeatures());
        m.put("fittedOn", r.fittedOn());
        m.put("fitProvenance", r.model().provenance());
        return m;
    }

    static Map<String, Object> svm(SvmPlatt.Fitted f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", f.featureNames());
        m.put("fittedOn", f.fittedOn());
        m.put("fitProvenance", f.provenance());
        return m;
    }

    static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("provenance not serialisable: " + e.getMessage(), e);
        }
    }
}
