package nodus.radiomics;

import java.util.HashMap;
import java.util.Map;

/**
 * pyradiomics GLDM features ({@code radiomics/gldm.py}, {@code calculate_gldm} in cmatrices.c): for each ROI pixel
 * of level i, the number of ROI neighbours (8 in 2D at distance 1) with |level difference| ≤ α (gldm_a, default 0)
 * is its dependence d; p(i, j) counts pixels with level i and j = d + 1. Nz = number of ROI pixels.
 */
final class GldmFeatures {

    private GldmFeatures() {
    }

    /** Dependence counts [levelIndex][d], d = 0..number of angles. */
    static double[][] matrix(RoiGrid g, RadiomicsSettings s) {
        int[][] angles = Angles.generate(g.h, g.w, s.distances(), true);
        int[] idx = g.levelIndex();
        double[][] p = new double[g.grayLevels.length][angles.length + 1];
        for (int y = 0; y < g.h; y++) {
            for (int x = 0; x < g.w; x++) {
                int i = y * g.w + x;
                if (!g.mask[i]) {
                    continue;
                }
                int dep = 0;
                for (int[] a : angles) {
                    int ny = y + a[0];
                    int nx = x + a[1];
                    if (ny < 0 || ny >= g.h || nx < 0 || nx >= g.w) {
                        continue;
                    }
                    int j = ny * g.w + nx;
                    if (g.mask[j] && Math.abs(g.levels[i] - g.levels[j]) <= s.gldmA()) {
                        dep++;
                    }
                }
                p[idx[g.levels[i]]][dep]++;
            }
        }
        return p;
    }

    static Map<String, Double> compute(RoiGrid g, RadiomicsSettings settings) {
        double[][] p = matrix(g, settings);
        double nz = GlrlmFeatures.total(p);
        RunLikeMatrices.Sums s = RunLikeMatrices.sums(p, g.grayLevels, nz);
        Map<String, Double> f = new HashMap<>();
        f.put("SmallDependenceEmphasis", s.smallEmphasis());
        f.put("LargeDependenceEmphasis", s.largeEmphasis());
        f.put("GrayLevelNonUniformity", s.glNonUniformity());
        f.put("DependenceNonUniformity", s.sizeNonUniformity());
        f.put("DependenceNonUniformityNormalized", s.sizeNonUniformity() / nz);
        f.put("GrayLevelVariance", s.glVariance());
        f.put("DependenceVariance", s.sizeVariance());
        f.put("DependenceEntropy", s.entropy());
        f.put("LowGrayLevelEmphasis", s.lowGl());
        f.put("HighGrayLevelEmphasis", s.highGl());
        f.put("SmallDependenceLowGrayLevelEmphasis", s.smallLow());
        f.put("SmallDependenceHighGrayLevelEmphasis", s.smallHigh());
        f.put("LargeDependenceLowGrayLevelEmphasis", s.largeLow());
        f.put("LargeDependenceHighGrayLevelEmphasis", s.largeHigh());
        return f;
    }
}
