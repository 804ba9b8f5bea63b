package nodus.deeplearning.finetune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ECharts options (JSON) of a fine-tuning run's per-epoch curves for the run page: loss (cross-entropy, nats) and
 * AUC, each for the training and the validation part. Animation is off: the figure is redrawn on every epoch.
 */
public final class TrainingCurves {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingCurves() {
    }

    /** Training and validation loss per epoch. */
    public static String loss(List<EpochMetrics> epochs, int plannedEpochs) {
        return option("Loss (cross-entropy)", epochs, plannedEpochs, null, "train_loss", "Training loss",
                "val_loss", "Validation loss");
    }

    /** Training and validation AUC per epoch, on a 0–1 axis. */
    public static String auc(List<EpochMetrics> epochs, int plannedEpochs) {
        return option("AUC", epochs, plannedEpochs, new double[] {0, 1}, "train_auc", "Training AUC", "val_auc",
                "Validation AUC");
    }

    /** Number of epochs that logged {@code key} (what a test watches grow). */
    public static int points(List<EpochMetrics> epochs, String key) {
        return (int) epochs.stream().filter(e -> e.get(key) != null).count();
    }

    private static String option(String title, List<EpochMetrics> epochs, int plannedEpochs, double[] yRange,
                                 String trainKey, String trainName, String valKey, String valName) {
        ObjectNode o = JSON.createObjectNode();
        o.put("animation", false);
        o.putObject("title").put("text", title).put("left", "center").putObject("textStyle").put("fontSize", 14);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("bottom", 0);
        o.putObject("grid").put("left", 56).put("right", 24).put("top", 40).put("bottom", 56);
        ObjectNode x = o.putObject("xAxis");
        x.put("type", "value").put("name", "epoch").put("nameLocation", "middle").put("nameGap", 26)
                .put("min", 1).put("max", Math.max(1, plannedEpochs)).put("minInterval", 1);
        ObjectNode y = o.putObject("yAxis");
        y.put("type", "value").put("scale", yRange == null);
        if (yRange != null) {
            y.put("min", yRange[0]).put("max", yRange[1]);
        }
        ArrayNode series = o.putArray("series");
        series.add(series(trainName, trainKey, epochs, "#1f77b4"));
        series.add(series(valName, valKey, epochs, "#d62728"));
        return o.toString();
    }

    private static ObjectNode series(String name, String key, List<EpochMetrics> epochs, String colour) {
        ObjectNode s = JSON.createObjectNode();
        s.put("name", name).put("type", "line").put("showSymbol", true).put("symbolSize", 6);
        s.putObject("lineStyle").put("color", colour);
        s.putObject("itemStyle").put("color", colour);
        ArrayNode data = s.putArray("data");
        for (EpochMetrics e : epochs) {
            Double v = e.get(key);
            if (v != null) {
                data.addArray().add(e.epoch()).add(v);
            }
        }
        return s;
    }
}
