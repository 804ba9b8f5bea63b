package nodus.classical.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nodus.classical.RadiomicsSignature;
import nodus.classical.ZScore;

/**
 * {@code model/classical-model.json}: everything needed to reproduce a RADIOMICS or CLINICAL run's prediction for a
 * new case, with no database: the radiomics extraction settings and the features extracted, the clinical variables
 * with their coding and TRAIN fill values, the z-score parameters (TRAIN mean and population sd), and the logistic
 * model (intercept and the non-zero LASSO coefficients, full precision), plus the TRAIN Youden threshold.
 *
 * <p>P(positive) = 1 / (1 + e^−η), η = intercept + Σ_j coef_j · (x_j − mean_j) / sd_j, summed in the order listed —
 * the same floating-point operations, in the same order, as {@link RadiomicsSignature#score} and
 * {@code LinearModel.probability}, so a reload gives the run's stored probability bit for bit.
 *
 * @param format     {@link #FORMAT}
 * @param kind       RADIOMICS or CLINICAL
 * @param classNames class names (index = label); the positive class is index 1
 * @param threshold  Youden threshold fixed on the TRAIN predictions (label = positive when P ≥ threshold)
 * @param radiomics  extraction settings (RADIOMICS), else null
 * @param clinical   clinical coding (CLINICAL), else null
 * @param zscore     z-score of the model inputs (COMBINED: of the radiomics signature's features)
 * @param logistic   the logistic model on the z-scored inputs (COMBINED: the radiomics signature, η = radscore)
 * @param combined   COMBINED only: the fusion model on the clinical design columns + radscore, else null
 */
record ClassicalModelFile(String format, String kind, List<String> classNames, double threshold,
                          Radiomics radiomics, Clinical clinical, ZScoreParams zscore, Logistic logistic,
                          Combined combined) {

    static final String FORMAT = "nodus-classical/1";
    static final String FILE = "classical-model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    ClassicalModelFile {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("classical model format is '" + format + "', expected " + FORMAT);
        }
        if (zscore == null || logistic == null) {
            throw new IllegalArgumentException("a classical model needs its z-score and logistic parts");
        }
    }

    /**
     * @param paramsYaml   file name (in {@code model/}) of the pyradiomics parameter file, or null
     * @param binWidth     fixed bin width (grey levels)
     * @param clip         image | lesion | none (0.5–99.5 percentile clipping before extraction)
     * @param label        mask label (null = any non-zero pixel)
     * @param settingsHash hash of the full extraction settings (checked on reload)
     */
    record Radiomics(String paramsYaml, double binWidth, String clip, Integer label, String settingsHash) {
    }

    /**
     * @param variables every clinical variable of the study with its TRAIN fill code (imputation)
     * @param kept      the variables kept by the TRAIN univariate screening, whose design columns are the inputs
     */
    record Clinical(List<Variable> variables, List<String> kept) {
    }

    /**
     * @param kind       NUMERIC (value), ORDINAL (category index, as a rank) or CATEGORICAL (dummies, first = reference)
     * @param categories ordered categories (ORDINAL, CATEGORICAL)
     * @param fill       the code used when the value is missing (TRAIN median value / index, or TRAIN mode index)
     */
    record Variable(String name, String kind, List<String> categories, double fill) {
    }

    record ZScoreParams(List<String> features, double[] mean, double[] sd) {
        static ZScoreParams of(ZScore.Params p) {
            return new ZScoreParams(p.featureNames(), p.mean(), p.sd());
        }
    }

    record Logistic(double intercept, List<String> features, double[] coef) {
        static Logistic of(RadiomicsSignature s) {
            return new Logistic(s.intercept(), s.features(), s.coef());
        }
    }

    /**
     * The COMBINED model without deep features (as {@code CombinedModel.Fitted.probability}): inputs = the clinical
     * design columns + {@code radscore}, z-scored, then the LASSO logistic model ({@code LOGISTIC_REGRESSION}) or
     * the RBF SVM with Platt probabilities ({@code SVM}, Tribuo model in {@code svmFile}, Java serialisation).
     */
    record Combined(ZScoreParams zscore, String chosen, Logistic logistic, List<String> svmFeatures, String svmFile) {
    }

    static final String RADSCORE = "radscore";

    /** P(positive) from the raw (not yet z-scored) model inputs, by name; {@code svm} only for a COMBINED SVM. */
    double probability(Map<String, Double> inputs, nodus.classical.SvmPlatt.Fitted svm) {
        if (combined == null) {
            return 1.0 / (1.0 + Math.exp(-linearPredictor(inputs)));
        }
        Map<String, Double> base = new java.util.HashMap<>(inputs);
        base.put(RADSCORE, linearPredictor(inputs));
        List<String> names = combined.zscore().features();
        double[] z = new double[names.size()];
        for (int k = 0; k < z.length; k++) {
            Double x = base.get(names.get(k));
            if (x == null) {
                throw new IllegalArgumentException("model input '" + names.get(k) + "' is missing");
            }
            z[k] = (x - combined.zscore().mean()[k]) / combined.zscore().sd()[k];
        }
        if (combined.chosen().equals("SVM")) {
            if (svm == null) {
                throw new IllegalStateException("the combined SVM model is not loaded");
            }
            var t = new nodus.classical.FeatureTable(List.of("case"), names, new double[][] {z}, new int[] {0});
            return svm.probability(t)[0];
        }
        double eta = combined.logistic().intercept();
        for (int j = 0; j < combined.logistic().features().size(); j++) {
            eta += combined.logistic().coef()[j] * z[names.indexOf(combined.logistic().features().get(j))];
        }
        return 1.0 / (1.0 + Math.exp(-eta));
    }

    /** Writes the combined SVM's Tribuo model (Java serialisation, as Tribuo models are Serializable). */
    static void writeSvm(org.tribuo.Model<org.tribuo.classification.Label> model, Path file) throws IOException {
        try (var out = new java.io.ObjectOutputStream(new java.io.BufferedOutputStream(
                java.nio.file.Files.newOutputStream(file)))) {
            out.writeObject(model);
        }
    }

    /** Reads the SVM back, accepting only Tribuo, libsvm, OLCUT and JDK classes (a model file is data, not code). */
    @SuppressWarnings("unchecked")
    nodus.classical.SvmPlatt.Fitted readSvm(Path modelDir) throws IOException {
        if (combined == null || !combined.chosen().equals("SVM")) {
            return null;
        }
        try (var in = new java.io.ObjectInputStream(new java.io.BufferedInputStream(
                java.nio.file.Files.newInputStream(modelDir.resolve(combined.svmFile()))))) {
            in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(
                    "org.tribuo.**;libsvm.*;com.oracle.labs.mlrg.olcut.**;java.**;!*"));
            var model = (org.tribuo.Model<org.tribuo.classification.Label>) in.readObject();
            return new nodus.classical.SvmPlatt.Fitted(combined.svmFeatures(), model, null, null);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException(modelDir.resolve(combined.svmFile()) + ": not a Tribuo model (" + e + ")", e);
        }
    }

    /** η = intercept + Σ coef_j · z_j (the radscore of a RADIOMICS model). */
    double linearPredictor(Map<String, Double> inputs) {
        double eta = logistic.intercept();
        for (int j = 0; j < logistic.features().size(); j++) {
            String f = logistic.features().get(j);
            int k = zscore.features().indexOf(f);
            Double x = inputs.get(f);
            if (k < 0 || x == null) {
                throw new IllegalArgumentException("model input '" + f + "' is missing");
            }
            eta += logistic.coef()[j] * ((x - zscore.mean()[k]) / zscore.sd()[k]);
        }
        return eta;
    }

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    static ClassicalModelFile read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ClassicalModelFile.class);
    }
}
