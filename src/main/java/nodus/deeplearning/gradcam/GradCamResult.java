package nodus.deeplearning.gradcam;

/**
 * Grad-CAM for one case and class (Selvaraju et al., ICCV 2017): α_c = mean over (i, j) of ∂y/∂A_c(i, j);
 * map = ReLU(Σ_c α_c · A_c), on the feature map's h×w grid.
 *
 * @param classIndex the explained class
 * @param score      its logit y
 * @param channels   C
 * @param mapHeight  h
 * @param mapWidth   w
 * @param gradient   ∂y/∂A, row-major [C, h, w]
 * @param weights    α, length C
 * @param cam        the ReLU'd map, row-major [h, w], in the feature map's units (not normalised)
 */
public record GradCamResult(int classIndex, double score, int channels, int mapHeight, int mapWidth,
                            float[] gradient, double[] weights, double[] cam) {

    public GradCamResult {
        if (gradient.length != channels * mapHeight * mapWidth || weights.length != channels
                || cam.length != mapHeight * mapWidth) {
            throw new IllegalArgumentException("inconsistent Grad-CAM array sizes");
        }
    }

    /**
     * The map resized to {@code width}×{@code height} by bilinear interpolation (pixel centres aligned, as
     * OpenCV's resize used by pytorch-grad-cam) and min–max scaled to [0, 1]; all zeros if the map is flat.
     */
    public HeatMap heatMap(int width, int height) {
        double[] out = new double[width * height];
        double sy = (double) mapHeight / height;
        double sx = (double) mapWidth / width;
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, Math.min(mapHeight - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) Math.floor(fy);
            int y1 = Math.min(mapHeight - 1, y0 + 1);
            double ty = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, Math.min(mapWidth - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) Math.floor(fx);
                int x1 = Math.min(mapWidth - 1, x0 + 1);
                double tx = fx - x0;
                double top = cam[y0 * mapWidth + x0] * (1 - tx) + cam[y0 * mapWidth + x1] * tx;
                double bottom = cam[y1 * mapWidth + x0] * (1 - tx) + cam[y1 * mapWidth + x1] * tx;
                out[y * width + x] = top * (1 - ty) + bottom * ty;
            }
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : out) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        for (int i = 0; i < out.length; i++) {
            out[i] = range > 0 ? (out[i] - min) / range : 0;
        }
        return new HeatMap(width, height, out);
    }
}
