package nodus.radiomics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * pyradiomics GLCM features ({@code radiomics/glcm.py}, {@code calculate_glcm} in cmatrices.c): one co-occurrence
 * matrix per offset (distance 1: 4 angles in 2D), pairs counted only when both pixels are in the ROI, rows/columns
 * of grey levels absent from the ROI removed, symmetrised (P + Pᵀ) by default, each angle normalised separately;
 * every feature is computed per angle and averaged over the angles (log base 2, ε = 2.2e-16 as pyradiomics).
 */
final class GlcmFeatures {

    private GlcmFeatures() {
    }

    /** Raw (not normalised, not symmetrised) co-occurrence counts per angle, indexed [angle][i][j] over levels 1..ng. */
    static double[][][] counts(RoiGrid g, int[][] angles) {
        double[][][] p = new double[angles.length][g.ng][g.ng];
        for (int a = 0; a < angles.length; a++) {
            int dy = angles[a][0];
            int dx = angles[a][1];
            for (int y = 0; y < g.h; y++) {
                int ny = y + dy;
                if (ny < 0 || ny >= g.h) {
                    continue;
                }
                for (int x = 0; x < g.w; x++) {
                    int nx = x + dx;
                    int i = y * g.w + x;
                    if (!g.mask[i] || nx < 0 || nx >= g.w) {
                        continue;
                    }
                    int j = ny * g.w + nx;
                    if (g.mask[j]) {
                        p[a][g.levels[i] - 1][g.levels[j] - 1]++;
                    }
                }
            }
        }
        return p;
    }

    /** Co-occurrence counts for one offset, indexed by position in grayLevels. */
    private static double[][] presentLevelCounts(RoiGrid g, int[] angle, int[] idx, int n) {
        double[][] p = new double[n][n];
        int dy = angle[0];
        int dx = angle[1];
        for (int y = Math.max(0, -dy); y < Math.min(g.h, g.h - dy); y++) {
            for (int x = Math.max(0, -dx); x < Math.min(g.w, g.w - dx); x++) {
                int i = y * g.w + x;
                int j = i + dy * g.w + dx;
                if (g.mask[i] && g.mask[j]) {
                    p[idx[g.levels[i]]][idx[g.levels[j]]]++;
                }
            }
        }
        return p;
    }

    static Map<String, Double> compute(RoiGrid g, RadiomicsSettings s) {
        int[][] angles = Angles.generate(g.h, g.w, s.distances(), false);
        // counted directly over the grey levels present (pyradiomics counts over 1..Ng, then deletes absent levels):
        // same matrices, but memory n² instead of Ng² per angle when few of the levels occur
        int[] gl = g.grayLevels;
        int n = gl.length;
        int[] idx = g.levelIndex();
        List<double[][]> mats = new ArrayList<>();
        for (int[] angle : angles) {
            double[][] p = presentLevelCounts(g, angle, idx, n);
            double total = 0;
            if (s.symmetricalGLCM()) {
                double[][] t = new double[n][n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        t[i][j] = p[i][j] + p[j][i];
                    }
                }
                p = t;
            }
            for (double[] row : p) {
                for (double v : row) {
                    total += v;
                }
            }
            if (total == 0 && angles.length > 1) {
                continue; // empty angle removed, as pyradiomics
            }
            for (double[] row : p) {
                for (int j = 0; j < n; j++) {
                    row[j] /= total;
                }
            }
            mats.add(p);
        }
        List<Map<String, Double>> perAngle = new ArrayList<>();
        for (double[][] p : mats) {
            perAngle.add(features(p, gl, g.ng));
        }
        Map<String, Double> out = new HashMap<>();
        if (perAngle.isEmpty()) { // no pair of neighbouring ROI pixels at all: pyradiomics gives NaN
            for (String name : FeatureClass.GLCM.features()) {
                out.put(name, Double.NaN);
            }
        }
        for (String name : perAngle.isEmpty() ? List.<String>of() : perAngle.get(0).keySet()) {
            double sum = 0;
            int k = 0;
            for (Map<String, Double> m : perAngle) {
                double v = m.get(name);
                if (!Double.isNaN(v)) { // numpy.nanmean over angles
                    sum += v;
                    k++;
                }
            }
            out.put(name, k == 0 ? Double.NaN : sum / k);
        }
        if (n < 2) {
            out.put("MCC", 1.0); // pyradiomics: flat region
        }
        return out;
    }

    /** The features of one normalised matrix p over grey-level values gl (ng = largest level in the ROI). */
    static Map<String, Double> features(double[][] p, int[] gl, int ng) {
        int n = gl.length;
        double eps = RoiGrid.EPS;
        double[] px = new double[n];
        double[] py = new double[n];
        double ux = 0;
        double uy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                px[i] += p[i][j];
                py[j] += p[i][j];
                ux += gl[i] * p[i][j];
                uy += gl[j] * p[i][j];
            }
        }
        double[] pSum = new double[2 * ng + 1]; // index k = i + j, 2..2ng
        double[] pDiff = new double[ng]; // index k = |i - j|, 0..ng-1
        double autoc = 0;
        double cp = 0;
        double cs = 0;
        double ct = 0;
        double contrast = 0;
        double sigx2 = 0;
        double sigy2 = 0;
        double corm = 0;
        double energy = 0;
        double hxy = 0;
        double hxy1 = 0;
        double hxy2 = 0;
        double maxp = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = p[i][j];
                int a = gl[i];
                int b = gl[j];
                pSum[a + b] += v;
                pDiff[Math.abs(a - b)] += v;
                autoc += v * a * b;
                double c = a + b - ux - uy;
                ct += v * c * c;
                cs += v * c * c * c;
                cp += v * c * c * c * c;
                contrast += v * (a - b) * (a - b);
                sigx2 += v * (a - ux) * (a - ux);
                sigy2 += v * (b - uy) * (b - uy);
                corm += v * (a - ux) * (b - uy);
                energy += v * v;
                hxy -= v * RoiGrid.log2(v + eps);
                double pxy = px[i] * py[j];
                hxy1 -= v * RoiGrid.log2(pxy + eps);
                hxy2 -= pxy * RoiGrid.log2(pxy + eps);
                maxp = Math.max(maxp, v);
            }
        }
        Map<String, Double> f = new HashMap<>();
        f.put("Autocorrelation", autoc);
        f.put("JointAverage", ux);
        f.put("ClusterProminence", cp);
        f.put("ClusterShade", cs);
        f.put("ClusterTendency", ct);
        f.put("Contrast", contrast);
        double sigx = Math.sqrt(sigx2);
        double sigy = Math.sqrt(sigy2);
        f.put("Correlation", sigx * sigy == 0 ? 1.0 : corm / (sigx * sigy + eps));
        double diffAvg = 0;
        double diffEnt = 0;
        double idm = 0;
        double idmn = 0;
        double id = 0;
        double idn = 0;
        double invVar = 0;
        for (int k = 0; k < ng; k++) {
            double v = pDiff[k];
            diffAvg += k * v;
            diffEnt -= v * RoiGrid.log2(v + eps);
            idm += v / (1 + (double) k * k);
            idmn += v / (1 + ((double) k * k) / ((double) ng * ng));
            id += v / (1 + k);
            idn += v / (1 + k / (double) ng);
            if (k > 0) {
                invVar += v / ((double) k * k);
            }
        }
        double diffVar = 0;
        for (int k = 0; k < ng; k++) {
            diffVar += pDiff[k] * (k - diffAvg) * (k - diffAvg);
        }
        f.put("DifferenceAverage", diffAvg);
        f.put("DifferenceEntropy", diffEnt);
        f.put("DifferenceVariance", diffVar);
        f.put("JointEnergy", energy);
        f.put("JointEntropy", hxy);
        double hx = 0;
        double hy = 0;
        for (int i = 0; i < n; i++) {
            hx -= px[i] * RoiGrid.log2(px[i] + eps);
            hy -= py[i] * RoiGrid.log2(py[i] + eps);
        }
        double div = Math.max(hx, hy);
        f.put("Imc1", div == 0 ? 0.0 : (hxy - hxy1) / div);
        f.put("Imc2", hxy2 == hxy ? 0.0 : Math.sqrt(1 - Math.exp(-2 * (hxy2 - hxy))));
        f.put("Idm", idm);
        f.put("Idmn", idmn);
        f.put("Id", id);
        f.put("Idn", idn);
        f.put("InverseVariance", invVar);
        f.put("MaximumProbability", maxp);
        double sumAvg = 0;
        double sumEnt = 0;
        for (int k = 2; k <= 2 * ng; k++) {
            sumAvg += k * pSum[k];
            sumEnt -= pSum[k] * RoiGrid.log2(pSum[k] + eps);
        }
        f.put("SumAverage", sumAvg);
        f.put("SumEntropy", sumEnt);
        f.put("SumSquares", sigx2);
        f.put("MCC", n < 2 ? 1.0 : mcc(p, px, py));
        return f;
    }

    /**
     * Maximal correlation coefficient: √ of the second-largest eigenvalue of
     * Q(i, j) = Σ_k p(i,k) p(j,k) / (p_x(i) p_y(k) + ε), as pyradiomics (eigenvalues of the general matrix, sorted by
     * real part; a complex eigenvalue contributes the real part of its complex square root).
     */
    static double mcc(double[][] p, double[] px, double[] py) {
        int n = px.length;
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += p[i][k] * p[j][k] / (px[i] * py[k] + RoiGrid.EPS);
                }
                q.set(i, j, s);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(q)) {
            return Double.NaN;
        }
        List<Complex_F64> ev = new ArrayList<>();
        boolean anyComplex = false;
        for (int i = 0; i < n; i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            ev.add(c);
            anyComplex |= c.imaginary != 0;
        }
        ev.sort((c1, c2) -> c1.real != c2.real ? Double.compare(c1.real, c2.real)
                : Double.compare(c1.imaginary, c2.imaginary));
        Complex_F64 second = ev.get(n - 2);
        if (!anyComplex) {
            return Math.sqrt(second.real); // NaN for a negative eigenvalue, as numpy on a real array
        }
        double mod = Math.hypot(second.real, second.imaginary);
        return Math.sqrt((mod + second.real) / 2);
    }
}
