package nodus.radiomics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * pyradiomics GLRLM features ({@code radiomics/glrlm.py}, {@code calculate_glrlm} in cmatrices.c): runs of equal
 * grey level along each of the 4 one-directional 2D angles, over every line of the ROI's bounding box; a run ends at
 * a pixel outside the ROI. An angle along which no line holds more than one ROI pixel is dropped, as pyradiomics.
 * Features per angle, averaged over angles. Nr = number of runs of an angle, Np via Σ j·p(j).
 */
final class GlrlmFeatures {

    private GlrlmFeatures() {
    }

    /** Run-length counts [angle][levelIndex][runLength-1] (levels indexed as in grayLevels), maxRun = max(w, h). */
    static List<double[][]> matrices(RoiGrid g) {
        int[][] angles = Angles.generate(g.h, g.w, List.of(1), false);
        int[] idx = g.levelIndex();
        int nr = Math.max(g.w, g.h);
        List<double[][]> out = new ArrayList<>();
        for (int[] a : angles) {
            int dy = a[0];
            int dx = a[1];
            double[][] p = new double[g.grayLevels.length][nr];
            boolean multiElement = false;
            for (int y = 0; y < g.h; y++) {
                for (int x = 0; x < g.w; x++) {
                    int py = y - dy;
                    int px = x - dx;
                    if (py >= 0 && py < g.h && px >= 0 && px < g.w) {
                        continue; // not the start of a line
                    }
                    int level = -1;
                    int run = 0;
                    int elements = 0;
                    for (int cy = y, cx = x; cy >= 0 && cy < g.h && cx >= 0 && cx < g.w; cy += dy, cx += dx) {
                        int i = cy * g.w + cx;
                        if (g.mask[i]) {
                            elements++;
                            if (level == g.levels[i]) {
                                run++;
                            } else {
                                if (level >= 0) {
                                    p[idx[level]][run - 1]++;
                                }
                                level = g.levels[i];
                                run = 1;
                            }
                        } else if (level >= 0) {
                            p[idx[level]][run - 1]++;
                            level = -1;
                            run = 0;
                        }
                    }
                    if (level >= 0) {
                        p[idx[level]][run - 1]++;
                    }
                    if (elements > 1) {
                        multiElement = true;
                    }
                }
            }
            if (!multiElement) {
                for (double[] row : p) {
                    row[0] = 0;
                }
            }
            out.add(p);
        }
        return out;
    }

    static Map<String, Double> compute(RoiGrid g) {
        List<double[][]> all = matrices(g);
        List<double[][]> mats = new ArrayList<>();
        for (double[][] p : all) {
            if (total(p) > 0 || all.size() == 1) {
                mats.add(p);
            }
        }
        List<Map<String, Double>> per = new ArrayList<>();
        for (double[][] p : mats) {
            per.add(features(p, g.grayLevels));
        }
        if (per.isEmpty()) { // every angle empty (no line with 2 ROI pixels): pyradiomics gives NaN
            Map<String, Double> nan = new HashMap<>();
            FeatureClass.GLRLM.features().forEach(f -> nan.put(f, Double.NaN));
            return nan;
        }
        return RunLikeMatrices.nanMean(per);
    }

    static double total(double[][] p) {
        double t = 0;
        for (double[] row : p) {
            for (double v : row) {
                t += v;
            }
        }
        return t;
    }

    static Map<String, Double> features(double[][] p, int[] gl) {
        double nr = total(p);
        RunLikeMatrices.Sums s = RunLikeMatrices.sums(p, gl, nr);
        Map<String, Double> f = new HashMap<>();
        f.put("ShortRunEmphasis", s.smallEmphasis());
        f.put("LongRunEmphasis", s.largeEmphasis());
        f.put("GrayLevelNonUniformity", s.glNonUniformity());
        f.put("GrayLevelNonUniformityNormalized", s.glNonUniformity() / nr);
        f.put("RunLengthNonUniformity", s.sizeNonUniformity());
        f.put("RunLengthNonUniformityNormalized", s.sizeNonUniformity() / nr);
        f.put("RunPercentage", nr / s.np());
        f.put("GrayLevelVariance", s.glVariance());
        f.put("RunVariance", s.sizeVariance());
        f.put("RunEntropy", s.entropy());
        f.put("LowGrayLevelRunEmphasis", s.lowGl());
        f.put("HighGrayLevelRunEmphasis", s.highGl());
        f.put("ShortRunLowGrayLevelEmphasis", s.smallLow());
        f.put("ShortRunHighGrayLevelEmphasis", s.smallHigh());
        f.put("LongRunLowGrayLevelEmphasis", s.largeLow());
        f.put("LongRunHighGrayLevelEmphasis", s.largeHigh());
        return f;
    }
}
