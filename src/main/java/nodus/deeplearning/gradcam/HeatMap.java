package nodus.deeplearning.gradcam;

/** A heat map in [0, 1], row-major, at image resolution. */
public record HeatMap(int width, int height, double[] values) {

    public HeatMap {
        if (width < 1 || height < 1 || values.length != width * height) {
            throw new IllegalArgumentException("heat map " + width + "×" + height + " needs " + width * height
                    + " values, got " + values.length);
        }
        for (double v : values) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("heat map values must lie in [0, 1], got " + v);
            }
        }
        values = values.clone();
    }

    public double get(int x, int y) {
        return values[y * width + x];
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
