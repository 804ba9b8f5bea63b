package nodus.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nodus.base.Hashes;
import nodus.experiment.model.ModelPrediction;
import nodus.experiment.model.ModelPredictor;
import nodus.experiment.model.PredictionInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nodus predict}: loads an export {@code model-registry/<name>/<version>/} on its own — no database, no
 * Spring — checks the SHA-256 of its model files against {@code manifest.json}, finds the loader of the manifest's
 * {@code model.format} ({@link ModelPredictor}) and prints the probability of the positive class and the label at
 * the threshold stored with the model (the TRAIN Youden threshold). Exit codes: 0 ok, 1 computation failure, 2 bad
 * input (one line on standard error naming the file, column or value).
 */
@Command(name = "predict",
        mixinStandardHelpOptions = true,
        description = "Predict one case with an exported model (model-registry/<name>/<version>): prints P(positive) "
                + "and the label at the model's stored threshold, as JSON.")
public final class PredictCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "The export folder, e.g. model-registry/aln-radiomics/1.")
    Path model;

    @Option(names = "--image", paramLabel = "I", description = "The case's image (PNG, …).")
    Path image;

    @Option(names = "--mask", paramLabel = "M", description = "The case's lesion mask, same size as the image.")
    Path mask;

    @Option(names = "--spacing", paramLabel = "X,Y",
            description = "Pixel spacing in mm (radiomics models: shape features need it).")
    String spacing;

    @Option(names = "--clinical", paramLabel = "row.csv",
            description = "The case's clinical values: a CSV with a header line and one row (empty or NA = missing).")
    Path clinical;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            out.println(JsonWriter.write(predict()));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("nodus predict: " + e.getMessage());
            err.flush();
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("nodus predict: prediction failed: " + e);
            err.flush();
            return 1;
        }
    }

    Map<String, Object> predict() throws IOException {
        Path manifestFile = model.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException(manifestFile + ": not found (expected an export folder "
                    + "model-registry/<name>/<version>)");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(manifestFile + ": not JSON (" + e.getMessage() + ")");
        }
        JsonNode m = manifest.path("model");
        if (!m.path("weights_present").asBoolean()) {
            throw new IllegalArgumentException(manifestFile + ": this export has no model files ("
                    + m.path("note").asText("weights absent") + ")");
        }
        verifyHashes(manifest);
        PredictionInput input = new PredictionInput(exists(image, "--image"), exists(mask, "--mask"),
                spacing == null ? null : spacing(0), spacing == null ? null : spacing(1),
                clinical == null ? null : clinicalRow(clinical));
        ModelPredictor predictor = ModelPredictor.forFormat(m.path("format").asText());
        ModelPrediction p = predictor.predict(model.resolve("model"), input);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", manifest.path("name").asText());
        json.put("version", manifest.path("version").asInt());
        json.put("run_id", manifest.path("run").path("id").asLong());
        json.put("format", m.path("format").asText());
        json.put("probability", p.probability());
        Object threshold = p.details().get("threshold");
        if (threshold instanceof Number t) {
            json.put("threshold", t.doubleValue());
            boolean positive = p.probability() >= t.doubleValue();
            json.put("positive", positive);
            Object classes = p.details().get("classes");
            if (classes instanceof List<?> names && names.size() == 2) {
                json.put("label", String.valueOf(names.get(positive ? 1 : 0)));
            }
        }
        Map<String, Object> details = new LinkedHashMap<>(p.details());
        details.remove("threshold");
        details.remove("classes");
        if (details.get("class_probabilities") instanceof float[] f) {
            List<Double> d = new ArrayList<>();
            for (float v : f) {
                d.add((double) v);
            }
            details.put("class_probabilities", d);
        }
        json.put("details", details);
        return json;
    }

    /** Refuses an export whose model files differ from what the manifest recorded (damaged or edited). */
    private void verifyHashes(JsonNode manifest) {
        for (JsonNode f : manifest.path("files")) {
            String path = f.path("path").asText();
            if (!path.startsWith("model/")) {
                continue;
            }
            Path file = model.resolve(path);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": listed in manifest.json but missing");
            }
            if (!Hashes.sha256(file).equals(f.path("sha256").asText())) {
                throw new IllegalArgumentException(file + ": SHA-256 differs from manifest.json (file changed)");
            }
        }
    }

    private static Path exists(Path p, String option) {
        if (p != null && !Files.isRegularFile(p)) {
            throw new IllegalArgumentException(option + " " + p + ": file not found");
        }
        return p;
    }

    private double spacing(int i) {
        String[] parts = spacing.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--spacing must be X,Y in mm, got '" + spacing + "'");
        }
        try {
            return Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--spacing must be X,Y in mm, got '" + spacing + "'");
        }
    }

    /** Header line + one data line; fields may be double-quoted ("" = a quote). */
    static Map<String, String> clinicalRow(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--clinical " + file + ": file not found");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": unreadable (" + e.getMessage() + ")");
        }
        if (lines.size() != 2) {
            throw new IllegalArgumentException(file + ": expected a header line and exactly one row, found "
                    + lines.size() + " non-empty lines");
        }
        List<String> header = fields(lines.get(0).replace("\uFEFF", ""));
        List<String> row = fields(lines.get(1));
        if (header.size() != row.size()) {
            throw new IllegalArgumentException(file + ": line 2 has " + row.size() + " fields, the header "
                    + header.size());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            out.put(header.get(i).trim(), row.get(i));
        }
        return out;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
