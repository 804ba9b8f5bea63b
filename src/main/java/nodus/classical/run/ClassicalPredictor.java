package nodus.classical.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nodus.experiment.model.ModelPrediction;
import nodus.experiment.model.ModelPredictor;
import nodus.experiment.model.PredictionInput;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;
import nodus.radiomics.FeatureVector;
import nodus.radiomics.RadiomicsCase;
import nodus.radiomics.RadiomicsExtractor;
import nodus.radiomics.RadiomicsSettings;

/**
 * Reloads a {@link ClassicalModelFile} ({@code nodus-classical/1}) and predicts one case: a RADIOMICS model extracts
 * the case's radiomics features with the run's settings (checked by their hash) from image, mask and pixel spacing;
 * a CLINICAL model codes the case's clinical values as the run did (missing → TRAIN fill). Found by
 * {@link java.util.ServiceLoader} (no Spring), so it needs its public no-argument constructor.
 */
public final class ClassicalPredictor implements ModelPredictor {

    @Override
    public String format() {
        return ClassicalModelFile.FORMAT;
    }

    @Override
    public ModelPrediction predict(Path modelDir, PredictionInput input) throws IOException {
        Path file = modelDir.resolve(ClassicalModelFile.FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": missing (not a classical model export)");
        }
        ClassicalModelFile m = ClassicalModelFile.read(file);
        Map<String, Double> inputs = new HashMap<>();
        if (m.radiomics() != null) {
            inputs.putAll(radiomics(m, modelDir, input));
        }
        if (m.clinical() != null) {
            inputs.putAll(clinical(m, input));
        }
        double eta = m.linearPredictor(inputs);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", m.kind());
        details.put(m.combined() == null ? "linear_predictor" : "radscore", eta);
        if (m.combined() != null) {
            details.put("combined_model", m.combined().chosen());
        }
        details.put("threshold", m.threshold());
        details.put("classes", m.classNames());
        details.put("inputs", new java.util.TreeMap<>(inputs));
        return new ModelPrediction(m.probability(inputs, m.readSvm(modelDir)), details);
    }

    private static Map<String, Double> radiomics(ClassicalModelFile m, Path modelDir, PredictionInput in) {
        in.requireImage();
        if (in.spacingX() == null) {
            throw new IllegalArgumentException("a radiomics model needs the pixel spacing: --spacing X,Y (mm)");
        }
        ClassicalModelFile.Radiomics r = m.radiomics();
        String yaml = r.paramsYaml() == null ? null : modelDir.resolve(r.paramsYaml()).toString();
        RadiomicsSettings settings = CaseRadiomics.settings(new ClassicalRunSpec.Radiomics(yaml, r.binWidth(), r.clip(),
                r.label(), null));
        if (!settings.hash().equals(r.settingsHash())) {
            throw new IllegalStateException("the radiomics settings rebuilt from the export have hash "
                    + settings.hash() + ", the run used " + r.settingsHash() + " (different Nodus version?)");
        }
        GrayImage raw = ImageFiles.readImage(in.image());
        GrayImage img = new GrayImage(raw.width(), raw.height(), raw.pixels(), in.spacingX(), in.spacingY());
        Mask mask = ImageFiles.readMask(in.mask(), r.label());
        ImageFiles.requireSameGeometry(img, in.image(), mask, in.mask());
        FeatureVector v = RadiomicsExtractor.builder().setSettings(settings).build()
                .extract(new RadiomicsCase("case", img, mask));
        Map<String, Double> out = new HashMap<>();
        for (String f : m.zscore().features()) {
            Double x = v.features().get(f);
            if (x == null || !Double.isFinite(x)) {
                throw new IllegalArgumentException("radiomics feature " + f + " is " + x + " for this image and mask");
            }
            out.put(f, x);
        }
        return out;
    }

    /** Codes a clinical row as {@code ClinicalEncoding.design} does for the kept variables. */
    private static Map<String, Double> clinical(ClassicalModelFile m, PredictionInput in) {
        if (in.clinical().isEmpty()) {
            throw new IllegalArgumentException("a clinical model needs --clinical row.csv");
        }
        Map<String, Double> out = new HashMap<>();
        for (ClassicalModelFile.Variable v : m.clinical().variables()) {
            if (!m.clinical().kept().contains(v.name())) {
                continue;
            }
            if (!in.clinical().containsKey(v.name())) {
                throw new IllegalArgumentException("clinical row: column '" + v.name() + "' is missing");
            }
            String s = in.clinical().get(v.name());
            double x;
            if (s == null || s.isBlank() || s.equalsIgnoreCase("NA")) {
                x = v.fill();
            } else if (v.kind().equals("NUMERIC")) {
                try {
                    x = Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("clinical row: column '" + v.name() + "': expected a number, "
                            + "got '" + s + "'");
                }
            } else {
                x = v.categories().indexOf(s.trim());
                if (x < 0) {
                    throw new IllegalArgumentException("clinical row: column '" + v.name() + "': '" + s
                            + "' is not one of " + v.categories());
                }
            }
            if (v.kind().equals("CATEGORICAL")) {
                for (int level = 1; level < v.categories().size(); level++) {
                    out.put(v.name() + "=" + v.categories().get(level), x == level ? 1.0 : 0.0);
                }
            } else {
                out.put(v.name(), x);
            }
        }
        return out;
    }
}
