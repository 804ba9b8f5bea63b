package nodus.deeplearning.finetune;

/**
 * A choice of initial weights for the launch form.
 *
 * @param label    what the form shows, e.g. {@code resnet50-0676ba61.pth (pretrained folder, 97.8 MB)}
 * @param path     the absolute file path the run's spec records; null for "none" (seeded random initialisation,
 *                 flagged as not pretrained)
 * @param matching true when the file name is one of torchvision's published files for the chosen backbone
 */
public record WeightsOption(String label, String path, boolean matching) {

    public static final WeightsOption NONE = new WeightsOption(
            "none — random initialisation (NOT pretrained)", null, false);

    public WeightsOption {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a weights option needs a label");
        }
    }

    public boolean pretrained() {
        return path != null;
    }
}
