package nodus.cohort;

import java.util.List;

/** How a split was made: train/validation/test 6:2:2, train/test 4:1, or imported (published folds). */
public enum SplitScheme {
    TRAIN_VALIDATION_TEST_6_2_2(List.of(Part.TRAIN, Part.VALIDATION, Part.TEST), new double[] {0.6, 0.2, 0.2}),
    TRAIN_TEST_4_1(List.of(Part.TRAIN, Part.TEST), new double[] {0.8, 0.2}),
    IMPORTED(List.of(Part.TRAIN, Part.VALIDATION, Part.TEST), new double[0]);

    private final List<Part> parts;
    private final double[] ratios;

    SplitScheme(List<Part> parts, double[] ratios) {
        this.parts = parts;
        this.ratios = ratios;
    }

    public List<Part> parts() {
        return parts;
    }

    double[] ratios() {
        return ratios.clone();
    }

    public String label() {
        return switch (this) {
            case TRAIN_VALIDATION_TEST_6_2_2 -> "train/validation/test 6:2:2";
            case TRAIN_TEST_4_1 -> "train/test 4:1";
            case IMPORTED -> "imported";
        };
    }
}
