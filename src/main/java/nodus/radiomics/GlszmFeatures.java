package nodus.radiomics;

import java.util.HashMap;
import java.util.Map;

/**
 * pyradiomics GLSZM features ({@code radiomics/glszm.py}, {@code calculate_glszm} in cmatrices.c): zones are
 * 8-connected (in 2D) sets of ROI pixels with the same grey level; p(i, j) counts zones of level i and size j px.
 * Nz = number of zones, Np = number of ROI pixels.
 */
final class GlszmFeatures {

    private GlszmFeatures() {
    }

    /** Zone counts [levelIndex][size-1], sizes up to the largest zone (as pyradiomics sizes the matrix). */
    static double[][] matrix(RoiGrid g) {
        int[] idx = g.levelIndex();
        int[] zoneLevel = new int[g.count];
        int[] zoneSize = new int[g.count];
        int zones = 0;
        int maxSize = 0;
        boolean[] done = new boolean[g.mask.length];
        int[] stack = new int[g.count];
        for (int start = 0; start < g.mask.length; start++) {
            if (!g.mask[start] || done[start]) {
                continue;
            }
            int level = g.levels[start];
            int top = 0;
            int size = 0;
            stack[top++] = start;
            done[start] = true;
            while (top > 0) {
                int k = stack[--top];
                size++;
                int ky = k / g.w;
                int kx = k % g.w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int ny = ky + dy;
                        int nx = kx + dx;
                        if ((dy == 0 && dx == 0) || ny < 0 || ny >= g.h || nx < 0 || nx >= g.w) {
                            continue;
                        }
                        int j = ny * g.w + nx;
                        if (g.mask[j] && !done[j] && g.levels[j] == level) {
                            done[j] = true;
                            stack[top++] = j;
                        }
                    }
                }
            }
            zoneLevel[zones] = idx[level];
            zoneSize[zones++] = size;
            maxSize = Math.max(maxSize, size);
        }
        double[][] p = new double[g.grayLevels.length][maxSize];
        for (int z = 0; z < zones; z++) {
            p[zoneLevel[z]][zoneSize[z] - 1]++;
        }
        return p;
    }

    static Map<String, Double> compute(RoiGrid g) {
        double[][] p = matrix(g);
        double nz = GlrlmFeatures.total(p);
        RunLikeMatrices.Sums s = RunLikeMatrices.sums(p, g.grayLevels, nz);
        Map<String, Double> f = new HashMap<>();
        f.put("SmallAreaEmphasis", s.smallEmphasis());
        f.put("LargeAreaEmphasis", s.largeEmphasis());
        f.put("GrayLevelNonUniformity", s.glNonUniformity());
        f.put("GrayLevelNonUniformityNormalized", s.glNonUniformity() / nz);
        f.put("SizeZoneNonUniformity", s.sizeNonUniformity());
        f.put("SizeZoneNonUniformityNormalized", s.sizeNonUniformity() / nz);
        f.put("ZonePercentage", nz / s.np());
        f.put("GrayLevelVariance", s.glVariance());
        f.put("ZoneVariance", s.sizeVariance());
        f.put("ZoneEntropy", s.entropy());
        f.put("LowGrayLevelZoneEmphasis", s.lowGl());
        f.put("HighGrayLevelZoneEmphasis", s.highGl());
        f.put("SmallAreaLowGrayLevelEmphasis", s.smallLow());
        f.put("SmallAreaHighGrayLevelEmphasis", s.smallHigh());
        f.put("LargeAreaLowGrayLevelEmphasis", s.largeLow());
        f.put("LargeAreaHighGrayLevelEmphasis", s.largeHigh());
        return f;
    }
}
