package nodus.deeplearning.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.deeplearning.data.RoiPreprocessor;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.base.Hashes;
import nodus.experiment.CasePrediction;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;
import nodus.experiment.model.ExportedModel;
import nodus.experiment.model.ModelArtifactsProvider;
import nodus.experiment.model.ModelUnavailableException;
import nodus.statistics.Youden;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Registry export of a FINETUNE run: the checkpoint that made the run's predictions (provenance
 * {@code selectedWeights}: best validation AUC, else the last epoch), verified by its SHA-256, copied as
 * {@code model/checkpoint.json} + {@code model/checkpoint.params}, and {@link FineTuneModelFile} with the
 * preprocessing. {@link FineTunePredictor} reloads it.
 */
@Order(0)
@Component
class FineTuneModelExport implements ModelArtifactsProvider {

    static final String CHECKPOINT = "checkpoint";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunService runs;

    FineTuneModelExport(RunService runs) {
        this.runs = runs;
    }

    @Override
    public RunKind kind() {
        return RunKind.FINETUNE;
    }

    @Override
    public ExportedModel export(Run run, Path modelDir) throws IOException {
        JsonNode prov = JSON.readTree(runs.provenance(run.id()).orElse("{}"));
        JsonNode selected = prov.path("selectedWeights");
        if (!selected.hasNonNull("checkpoint")) {
            throw new ModelUnavailableException("the run's provenance names no selected checkpoint");
        }
        Path manifest = Path.of(selected.path("checkpoint").asText());
        if (!Files.isRegularFile(manifest)) {
            throw new ModelUnavailableException("the checkpoint " + manifest + " is gone");
        }
        JsonNode m = JSON.readTree(manifest.toFile());
        Path params = manifest.resolveSibling(m.path("paramsFile").asText());
        String sha = Files.isRegularFile(params) ? Hashes.sha256(params) : "missing";
        if (!sha.equals(selected.path("sha256").asText())) {
            // e.g. the run was re-executed and best/ overwritten: these are not the weights that made the predictions
            throw new ModelUnavailableException("the checkpoint " + params + " has SHA-256 " + sha
                    + ", the run's predictions were made by " + selected.path("sha256").asText());
        }
        FineTuneSpec spec = FineTuneSpec.parse(runs.spec(run.id()).orElseThrow());
        List<String> classes = new ArrayList<>();
        prov.path("classNames").forEach(c -> classes.add(c.asText()));
        Path paramsCopy = modelDir.resolve(CHECKPOINT + ".params");
        Files.copy(params, paramsCopy);
        // the manifest names its parameter file: rewrite that one field for the new name
        com.fasterxml.jackson.databind.node.ObjectNode copy = (com.fasterxml.jackson.databind.node.ObjectNode) m;
        copy.put("paramsFile", paramsCopy.getFileName().toString());
        Path manifestCopy = modelDir.resolve(CHECKPOINT + ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(manifestCopy.toFile(), copy);
        FineTuneModelFile f = new FineTuneModelFile(FineTuneModelFile.FORMAT, manifestCopy.getFileName().toString(),
                m.path("architecture").asText(), spec.imageSize(), RoiPreprocessor.DEFAULT_MARGIN_PX,
                FineTuneModelFile.NORMALISATION, classes, trainThreshold(run.id()),
                selected.path("epoch").asInt(), sha);
        Path file = modelDir.resolve(FineTuneModelFile.FILE);
        f.write(file);
        Map<String, Object> pre = new LinkedHashMap<>();
        pre.put("roiCrop", "largest lesion bounding box + " + f.marginPx() + " px");
        pre.put("imageSize", f.imageSize());
        pre.put("normalisation", f.normalisation());
        pre.put("architecture", f.architecture());
        pre.put("threshold", f.threshold());
        return new ExportedModel(FineTuneModelFile.FORMAT, pre, List.of(paramsCopy, manifestCopy, file));
    }

    /** Youden J threshold of the TRAIN predictions (statistics engine), as the classical runs fix theirs. */
    private double trainThreshold(long runId) {
        List<CasePrediction> train = runs.predictions(runId).stream().filter(p -> p.part() == SplitPart.TRAIN)
                .toList();
        double[] y = train.stream().mapToDouble(p -> p.label() == 1 ? 1 : 0).toArray();
        double[] s = train.stream().mapToDouble(CasePrediction::score).toArray();
        if (train.isEmpty() || java.util.Arrays.stream(y).distinct().count() < 2) {
            return 0.5;
        }
        return Youden.threshold(y, s);
    }
}
