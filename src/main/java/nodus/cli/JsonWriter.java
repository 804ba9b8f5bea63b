package nodus.cli;

import java.util.List;
import java.util.Map;

/**
 * Minimal pretty JSON writer for maps, lists, strings, numbers, booleans and null. Hand-written rather than Jackson
 * because {@code nodus evaluate} must finish in under 2 s including JVM start, and initialising an ObjectMapper
 * costs a noticeable share of that. Doubles are written with {@link Double#toString} (shortest exact repr); callers
 * map NaN/∞ to null beforehand.
 */
final class JsonWriter {

    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder s = new StringBuilder(4096);
        write(s, value, 0);
        return s.toString();
    }

    private static void write(StringBuilder s, Object v, int indent) {
        if (v == null) {
            s.append("null");
        } else if (v instanceof String str) {
            string(s, str);
        } else if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no " + d);
            }
            s.append(d);
        } else if (v instanceof Number || v instanceof Boolean) {
            s.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                s.append("{}");
                return;
            }
            s.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pad(s, indent + 2);
                string(s, String.valueOf(e.getKey()));
                s.append(": ");
                write(s, e.getValue(), indent + 2);
                s.append(++i < m.size() ? ",\n" : "\n");
            }
            pad(s, indent);
            s.append('}');
        } else if (v instanceof List<?> l) {
            boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            if (flat) { // short numeric lists such as [low, high] stay on one line
                s.append('[');
                for (int i = 0; i < l.size(); i++) {
                    write(s, l.get(i), indent);
                    s.append(i + 1 < l.size() ? ", " : "");
                }
                s.append(']');
                return;
            }
            s.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                pad(s, indent + 2);
                write(s, l.get(i), indent + 2);
                s.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            pad(s, indent);
            s.append(']');
        } else {
            string(s, v.toString());
        }
    }

    private static void pad(StringBuilder s, int n) {
        s.append(" ".repeat(n));
    }

    private static void string(StringBuilder s, String str) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
