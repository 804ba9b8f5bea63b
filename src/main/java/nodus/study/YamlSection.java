package nodus.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of a study spec, read through snakeyaml's node API so that every value keeps its line. Keys
 * are taken one by one; {@link #finish()} refuses whatever key was not taken (an unknown key is an error, with
 * the closest known key suggested — a typo must not silently become a default).
 */
final class YamlSection {

    private final String source;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known;
    private final Map<String, Integer> lines;

    YamlSection(String source, String path, Node node, Set<String> known, Map<String, Integer> lines) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.known = known;
        this.lines = lines;
        if (!(node instanceof MappingNode m)) {
            throw error(node, path, "expected a mapping (key: value lines), got " + describe(node));
        }
        lines.putIfAbsent(path, line(node));
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw error(t.getKeyNode(), path, "keys must be plain names");
            }
            if (entries.put(k.getValue(), t) != null) {
                throw error(k, field(k.getValue()), "duplicate key '" + k.getValue() + "'");
            }
            if (!known.contains(k.getValue())) {
                throw error(k, field(k.getValue()), "unknown key '" + k.getValue() + "'" + suggestion(k.getValue())
                        + " (allowed here: " + String.join(", ", known) + ")");
            }
            lines.put(field(k.getValue()), line(k));
        }
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int line() {
        return line(node);
    }

    boolean has(String key) {
        Node v = value(key);
        return v != null && !isNull(v);
    }

    /** The keys present, in file order. */
    List<String> keys() {
        return new ArrayList<>(entries.keySet());
    }

    Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    int keyLine(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line(node) : line(t.getKeyNode());
    }

    YamlSection section(String key, Set<String> keys) {
        return new YamlSection(source, field(key), require(key), keys, lines);
    }

    /** A section that may be absent, empty ({@code key:}) or {@code {}}: null when absent. */
    YamlSection optSection(String key, Set<String> keys) {
        Node v = value(key);
        if (v == null) {
            return null;
        }
        if (isNull(v)) {
            return new YamlSection(source, field(key), new MappingNode(Tag.MAP, true, List.of(), v.getStartMark(),
                    v.getEndMark(), org.yaml.snakeyaml.DumperOptions.FlowStyle.AUTO), keys, lines);
        }
        return new YamlSection(source, field(key), v, keys, lines);
    }

    Node require(String key) {
        Node v = value(key);
        if (v == null || isNull(v)) {
            throw error(v == null ? node : v, field(key), "'" + key + "' is required");
        }
        return v;
    }

    String text(String key) {
        Node v = require(key);
        return scalar(v, field(key));
    }

    String optText(String key) {
        return has(key) ? text(key) : null;
    }

    Integer optInt(String key) {
        if (!has(key)) {
            return null;
        }
        String s = text(key);
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw error(value(key), field(key), "expected a whole number, got '" + s + "'");
        }
    }

    Long optLong(String key) {
        if (!has(key)) {
            return null;
        }
        String s = text(key);
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw error(value(key), field(key), "expected a whole number, got '" + s + "'");
        }
    }

    Double optDouble(String key) {
        if (!has(key)) {
            return null;
        }
        return number(value(key), field(key));
    }

    Boolean optBool(String key) {
        if (!has(key)) {
            return null;
        }
        String s = text(key).trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(value(key), field(key), "expected true or false, got '" + s + "'");
        };
    }

    /** A list of scalars; a single scalar counts as a one-element list. */
    List<String> optTextList(String key) {
        if (!has(key)) {
            return null;
        }
        Node v = value(key);
        List<String> out = new ArrayList<>();
        if (v instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                out.add(scalar(item, field(key)));
            }
        } else {
            out.add(scalar(v, field(key)));
        }
        return out;
    }

    List<Double> optNumberList(String key) {
        if (!has(key)) {
            return null;
        }
        Node v = value(key);
        if (!(v instanceof SequenceNode s)) {
            throw error(v, field(key), "expected a list of numbers, got " + describe(v));
        }
        List<Double> out = new ArrayList<>();
        for (Node item : s.getValue()) {
            out.add(number(item, field(key)));
        }
        return out;
    }

    StudySpecException error(String key, String problem) {
        Node v = value(key);
        return error(v == null ? node : v, field(key), problem);
    }

    StudySpecException errorHere(String problem) {
        return error(node, path, problem);
    }

    StudySpecException error(Node at, String field, String problem) {
        return new StudySpecException(source, at == null ? 0 : line(at), field, problem);
    }

    private double number(Node v, String field) {
        String s = scalar(v, field);
        try {
            double d = Double.parseDouble(s.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw error(v, field, "expected a number, got '" + s + "'");
        }
    }

    private String scalar(Node v, String field) {
        if (!(v instanceof ScalarNode s)) {
            throw error(v, field, "expected a single value, got " + describe(v));
        }
        return s.getValue();
    }

    private String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 3) ? " — did you mean '" + best + "'?" : "";
    }

    static boolean isNull(Node v) {
        return v instanceof ScalarNode s && (Tag.NULL.equals(s.getTag()) || s.getValue().isEmpty()
                && s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
    }

    static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private static String describe(Node v) {
        if (v instanceof MappingNode) {
            return "a mapping";
        }
        if (v instanceof SequenceNode) {
            return "a list";
        }
        return v instanceof ScalarNode s ? "'" + s.getValue() + "'" : "nothing";
    }

    /** Levenshtein distance, for "did you mean" on unknown keys. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
