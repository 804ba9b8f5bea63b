package nodus.radiomics;

import java.util.HashMap;
import java.util.Map;

/**
 * pyradiomics NGTDM features ({@code radiomics/ngtdm.py}, {@code calculate_ngtdm} in cmatrices.c): for each ROI
 * pixel of level i, s_i accumulates |i − mean level of its ROI neighbours| (8 neighbours at distance 1 in 2D; a
 * pixel without ROI neighbour adds 0 but is still counted in n_i). p_i = n_i / N_vp over the levels present.
 */
final class NgtdmFeatures {

    private NgtdmFeatures() {
    }

    /** Rows {n_i, s_i, i} for each grey level present, ascending. */
    static double[][] matrix(RoiGrid g, RadiomicsSettings s) {
        int[][] angles = Angles.generate(g.h, g.w, s.distances(), true);
        int[] idx = g.levelIndex();
        double[][] m = new double[g.grayLevels.length][3];
        for (int k = 0; k < g.grayLevels.length; k++) {
            m[k][2] = g.grayLevels[k];
        }
        for (int y = 0; y < g.h; y++) {
            for (int x = 0; x < g.w; x++) {
                int i = y * g.w + x;
                if (!g.mask[i]) {
                    continue;
                }
                double count = 0;
                double sum = 0;
                for (int[] a : angles) {
                    int ny = y + a[0];
                    int nx = x + a[1];
                    if (ny < 0 || ny >= g.h || nx < 0 || nx >= g.w) {
                        continue;
                    }
                    int j = ny * g.w + nx;
                    if (g.mask[j]) {
                        count++;
                        sum += g.levels[j];
                    }
                }
                double diff = count == 0 ? 0 : Math.abs(g.levels[i] - sum / count);
                m[idx[g.levels[i]]][0]++;
                m[idx[g.levels[i]]][1] += diff;
            }
        }
        return m;
    }

    static Map<String, Double> compute(RoiGrid g, RadiomicsSettings settings) {
        double[][] m = matrix(g, settings);
        int n = m.length;
        double nvp = 0;
        double sumS = 0;
        for (double[] r : m) {
            nvp += r[0];
            sumS += r[1];
        }
        double[] p = new double[n];
        double[] s = new double[n];
        double[] iv = new double[n];
        for (int k = 0; k < n; k++) {
            p[k] = m[k][0] / nvp;
            s[k] = m[k][1];
            iv[k] = m[k][2];
        }
        int ngp = n;
        double ps = 0;
        for (int k = 0; k < n; k++) {
            ps += p[k] * s[k];
        }
        double contrastSum = 0;
        double absDiff = 0;
        double complexity = 0;
        double strength = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double d = iv[a] - iv[b];
                contrastSum += p[a] * p[b] * d * d;
                absDiff += Math.abs(iv[a] * p[a] - iv[b] * p[b]);
                double div = p[a] + p[b];
                complexity += Math.abs(d) * (p[a] * s[a] + p[b] * s[b]) / (div == 0 ? 1 : div);
                strength += (p[a] + p[b]) * d * d;
            }
        }
        Map<String, Double> f = new HashMap<>();
        f.put("Coarseness", ps != 0 ? 1 / ps : 1e6);
        double div = (double) ngp * (ngp - 1);
        f.put("Contrast", div != 0 ? contrastSum * sumS / nvp / div : 0.0);
        f.put("Busyness", absDiff != 0 ? ps / absDiff : 0.0);
        f.put("Complexity", complexity / nvp);
        f.put("Strength", sumS != 0 ? strength / sumS : 0.0);
        return f;
    }
}
