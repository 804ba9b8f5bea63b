package nodus.deeplearning.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.data.RoiPreprocessor;
import nodus.deeplearning.weights.NodusCheckpoint;
import nodus.experiment.model.ModelPrediction;
import nodus.experiment.model.ModelPredictor;
import nodus.experiment.model.PredictionInput;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;

/**
 * Reloads an exported fine-tuned network ({@code nodus-finetune/1}, see {@link FineTuneModelFile}) and predicts
 * one case: the run's ROI preprocessing ({@link RoiPreprocessor}), one forward pass in evaluation mode (as the
 * run's final prediction pass: last conv map → penultimate → head), softmax; P(positive) = class 1. Found by
 * {@link java.util.ServiceLoader}; needs its public no-argument constructor.
 */
public final class FineTunePredictor implements ModelPredictor {

    @Override
    public String format() {
        return FineTuneModelFile.FORMAT;
    }

    @Override
    public ModelPrediction predict(Path modelDir, PredictionInput input) throws IOException {
        Path file = modelDir.resolve(FineTuneModelFile.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": missing (not a fine-tuned model export)");
        }
        FineTuneModelFile f = FineTuneModelFile.read(file);
        input.requireImage();
        GrayImage img = ImageFiles.readImage(input.image());
        // the run reads masks as any non-zero pixel (CaseImageCache)
        Mask mask = ImageFiles.readMask(input.mask(), null);
        ImageFiles.requireSameGeometry(img, input.image(), mask, input.mask());
        int s = f.imageSize();
        float[] grey = RoiPreprocessor.prepare(img, mask, s, f.marginPx());
        float[] rgb = new float[3 * s * s];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(grey, 0, rgb, c * s * s, s * s);
        }
        float[] p;
        try (NDManager manager = DjlEnvironment.engine().newBaseManager()) {
            NodusCheckpoint.Loaded loaded = NodusCheckpoint.load(modelDir.resolve(f.checkpoint()), manager);
            Backbone net = loaded.backbone();
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.create(rgb, new Shape(1, 3, s, s));
            NDArray logits = net.head(ps, net.penultimate(ps, net.lastConvMap(ps, x, false), false), false);
            p = logits.softmax(1).toFloatArray();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", "FINETUNE");
        details.put("architecture", f.architecture());
        details.put("threshold", f.threshold());
        details.put("classes", f.classNames());
        details.put("class_probabilities", p);
        // the run stores the clamped float probability of class 1 (FineTuneExecutor)
        double positive = Math.min(1, Math.max(0, p[Math.min(1, p.length - 1)]));
        return new ModelPrediction(positive, details);
    }
}
