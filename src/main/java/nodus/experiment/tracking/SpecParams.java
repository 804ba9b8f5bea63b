package nodus.experiment.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's spec (JSON) flattened to params: nested keys joined with '.', array items by index
 * ({@code backbone.layers.0}). Keys keep only the characters tracking servers accept (MLflow: letters, digits,
 * {@code _ - . / space}); values are the JSON scalars as text, {@code null} as "null".
 */
final class SpecParams {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpecParams() {
    }

    static Map<String, String> flatten(String specJson) {
        Map<String, String> params = new TreeMap<>();
        if (specJson == null || specJson.isBlank()) {
            return params;
        }
        try {
            flatten("", JSON.readTree(specJson), params);
        } catch (java.io.IOException e) {
            params.put("spec", specJson);
        }
        return params;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            if (!fields.hasNext() && !prefix.isEmpty()) {
                out.put(key(prefix), "{}");
            }
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.put(key(prefix), "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), out);
            }
        } else {
            out.put(key(prefix.isEmpty() ? "spec" : prefix), node.isTextual() ? node.asText() : node.toString());
        }
    }

    static String key(String raw) {
        String k = raw.replaceAll("[^A-Za-z0-9_\\-./ ]", "_");
        return k.length() > 250 ? k.substring(0, 250) : k;
    }
}
