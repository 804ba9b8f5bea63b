package nodus.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nodus.base.Hashes;
import nodus.experiment.CasePrediction;
import nodus.experiment.model.ExportedModel;
import nodus.experiment.model.ModelArtifactsProvider;
import nodus.experiment.model.ModelUnavailableException;
import nodus.experiment.tracking.PredictionsCsv;
import nodus.registry.ModelCard.ManifestFile;

/**
 * Writes one export folder: {@code manifest.json} (provenance and the SHA-256 of every other file),
 * {@code MODEL_CARD.md}, {@code metrics.json}, {@code predictions.csv}, {@code spec.json},
 * {@code provenance.json} and, when the run kind has a {@link ModelArtifactsProvider}, {@code model/}. The
 * manifest's {@code model.format} tells a later loader ({@code nodus predict}) how to read {@code model/}.
 */
final class ModelExporter {

    static final String FORMAT = "nodus-model-export/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelExporter() {
    }

    /** Writes the export into the empty folder {@code dir}; returns the files other than the manifest. */
    static List<ManifestFile> write(ExportInput in, ModelArtifactsProvider provider, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spec.json"), in.specJson() == null ? "{}" : in.specJson());
        if (in.provenanceJson() != null) {
            Files.writeString(dir.resolve("provenance.json"), in.provenanceJson());
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("predictions.csv"), StandardCharsets.UTF_8)) {
            w.write(PredictionsCsv.header(in.predictions()));
            for (CasePrediction p : in.predictions()) {
                w.write(PredictionsCsv.row(p));
            }
        }
        JSON.writeValue(dir.resolve("metrics.json").toFile(), in.metrics().toJson());

        ExportedModel model = null;
        String absent = "no exporter for " + in.run().kind() + " runs yet: weights are absent";
        if (provider != null) {
            Path modelDir = Files.createDirectories(dir.resolve("model"));
            try {
                model = provider.export(in.run(), modelDir);
            } catch (ModelUnavailableException e) {
                absent = "the " + in.run().kind() + " exporter could not write this run's model: " + e.getMessage();
                deleteTree(modelDir);
            }
            for (Path f : model == null ? List.<Path>of() : model.files()) {
                if (!f.toAbsolutePath().normalize().startsWith(modelDir.toAbsolutePath().normalize())) {
                    throw new IllegalStateException("model file " + f + " is outside " + modelDir);
                }
            }
        }
        List<ManifestFile> files = hashes(dir);
        Files.writeString(dir.resolve("MODEL_CARD.md"), ModelCard.write(in, model, absent, files));
        files = hashes(dir);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("name", in.modelName());
        manifest.put("version", in.version());
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", in.run().id());
        run.put("name", in.run().name());
        run.put("kind", in.run().kind().name());
        run.put("task", in.run().task());
        run.put("experiment", in.experimentName());
        run.put("created_by", in.run().createdBy());
        run.put("finished_at", String.valueOf(in.run().finishedAt()));
        manifest.put("run", run);
        manifest.put("cohort", in.run().cohortRef());
        manifest.put("split_hash", in.run().splitHash());
        manifest.put("spec_hash", in.run().specHash());
        manifest.put("spec", parse(in.specJson()));
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("run", in.seed());
        manifest.put("seeds", seeds);
        manifest.put("provenance", parse(in.provenanceJson()));
        manifest.put("versions", LibraryVersions.current());
        Map<String, Object> modelJson = new LinkedHashMap<>();
        modelJson.put("weights_present", model != null);
        if (model != null) {
            modelJson.put("format", model.format());
            modelJson.put("preprocessing", model.preprocessing());
            modelJson.put("files", model.files().stream().map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .toList());
        } else {
            modelJson.put("note", absent);
        }
        manifest.put("model", modelJson);
        manifest.put("metrics", in.metrics().toJson());
        manifest.put("files", files.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path());
            m.put("bytes", f.bytes());
            m.put("sha256", f.sha256());
            return m;
        }).toList());
        manifest.put("exported_by", in.exportedBy());
        manifest.put("exported_at", in.exportedAt().toString());
        JSON.writeValue(dir.resolve("manifest.json").toFile(), manifest);
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static List<ManifestFile> hashes(Path dir) throws IOException {
        List<ManifestFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                if (!rel.equals("manifest.json")) {
                    files.add(new ManifestFile(rel, Files.size(f), Hashes.sha256(f)));
                }
            }
        }
        return files;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
