package nodus.deeplearning.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code model/finetune-model.json}: how to feed the exported Nodus checkpoint ({@code model/checkpoint.json} +
 * {@code .params}) — the preprocessing of {@code RoiPreprocessor}: crop the largest lesion's bounding box plus
 * {@code marginPx} (px of the original image), min–max scale to [−1, 1], nearest-neighbour resize to
 * {@code imageSize}², grey repeated into 3 channels; evaluation mode; softmax over {@code classNames}.
 *
 * @param threshold Youden threshold on the run's TRAIN predictions (label = positive when P ≥ threshold)
 */
record FineTuneModelFile(String format, String checkpoint, String architecture, int imageSize, int marginPx,
                         String normalisation, List<String> classNames, double threshold, int selectedEpoch,
                         String weightsSha256) {

    static final String FORMAT = "nodus-finetune/1";
    static final String FILE = "finetune-model.json";
    static final String NORMALISATION = "ROI min-max to [-1, 1], nearest resize, grey x3 channels";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    FineTuneModelFile {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("fine-tuned model format is '" + format + "', expected " + FORMAT);
        }
    }

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    static FineTuneModelFile read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), FineTuneModelFile.class);
    }
}
