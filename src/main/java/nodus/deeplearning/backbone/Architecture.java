package nodus.deeplearning.backbone;

/** The five torchvision backbones of the reference study (Wei et al., QIMS 2023), with their input sizes. */
public enum Architecture {
    RESNET50("resnet50", 224, 2048),
    RESNET101("resnet101", 224, 2048),
    WIDE_RESNET50_2("wide_resnet50_2", 224, 2048),
    VGG19("vgg19", 224, 4096),
    /** Without the auxiliary head; 299² input as torchvision's ImageNet weights expect. */
    INCEPTION_V3("inception_v3", 299, 2048);

    private final String torchvisionName;
    private final int inputSize;
    private final int featureDim;

    Architecture(String torchvisionName, int inputSize, int featureDim) {
        this.torchvisionName = torchvisionName;
        this.inputSize = inputSize;
        this.featureDim = featureDim;
    }

    /** torchvision's builder name, e.g. {@code wide_resnet50_2}. */
    public String torchvisionName() {
        return torchvisionName;
    }

    /** Square input side in pixels the ImageNet weights were trained at. */
    public int inputSize() {
        return inputSize;
    }

    /** Length of the penultimate feature vector (input of the classification layer). */
    public int featureDim() {
        return featureDim;
    }

    /** Parses torchvision's name ({@code resnet50}) or the enum name, case-insensitively. */
    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.torchvisionName.equalsIgnoreCase(name) || a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown backbone '" + name
                + "' (expected resnet50, resnet101, wide_resnet50_2, vgg19 or inception_v3)");
    }
}
