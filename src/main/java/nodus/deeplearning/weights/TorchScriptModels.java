package nodus.deeplearning.weights;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import nodus.deeplearning.DjlEnvironment;

/**
 * Loads a TorchScript file ({@code torch.jit.script(model).save(path)}; docs/pretrained-weights.md) as a
 * fine-tunable DJL model.
 *
 * <p>WHY {@code trainParam=true} always: DJL's default loads a TorchScript module in inference mode, after which
 * no BatchNorm network can train even if only its head is updated (probe of DJL 0.36.0, issue 6). Freezing is
 * done per parameter instead ({@link #freezeAllBut}). Scripted, not traced, modules: a traced module keeps the
 * train/eval mode it was traced in.
 */
public final class TorchScriptModels {

    /** A loaded model (close it) and its provenance. */
    public record Loaded(Model model, WeightsProvenance provenance) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    private TorchScriptModels() {
    }

    /** Loads {@code file} with trainable parameters on the CPU. */
    public static Loaded load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new WeightsException(file + ": no such file");
        }
        WeightsProvenance provenance = new WeightsProvenance("torchscript", file.toString(), Sha256.of(file),
                Files.size(file), Instant.now());
        DjlEnvironment.engine();
        String name = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Model model = Model.newInstance(name, DjlEnvironment.ENGINE);
        try {
            model.load(file, name, Map.of("trainParam", "true"));
            return new Loaded(model, provenance);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new WeightsException(file + ": not a loadable TorchScript file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Freezes every parameter whose PyTorch name does not start with one of {@code trainablePrefixes} (e.g.
     * {@code "fc."} to fine-tune only the head) and unfreezes the others. Call it AFTER {@code newTrainer}: DJL's
     * PyTorch model unfreezes every parameter of a loaded model when it creates a trainer.
     *
     * @return the number of parameters left trainable
     */
    public static int freezeAllBut(Block block, String... trainablePrefixes) {
        int trainable = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            boolean keep = false;
            for (String prefix : trainablePrefixes) {
                keep |= p.getKey().startsWith(prefix) || p.getValue().getName().startsWith(prefix);
            }
            p.getValue().freeze(!keep);
            trainable += keep ? 1 : 0;
        }
        return trainable;
    }
}
