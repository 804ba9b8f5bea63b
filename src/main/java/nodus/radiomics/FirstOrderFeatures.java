package nodus.radiomics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import nodus.imaging.Percentiles;

/**
 * pyradiomics first-order features ({@code radiomics/firstorder.py}) on the ROI intensities X (N pixels) and the
 * discretised histogram p(i). Kurtosis is pyradiomics' m4/m2² (not excess); Variance is the population variance;
 * Energy and RootMeanSquared use X + voxelArrayShift; TotalEnergy = Energy × pixel area (mm²); percentiles are numpy
 * linear percentiles. Flat regions give Skewness = Kurtosis = 0, as pyradiomics.
 */
final class FirstOrderFeatures {

    private FirstOrderFeatures() {
    }

    static Map<String, Double> compute(RoiGrid g, double voxelArrayShift) {
        double[] x = g.roiValues();
        int n = x.length;
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        Map<String, Double> f = new HashMap<>();

        double energy = 0;
        double sum = 0;
        for (double v : x) {
            double s = v + voxelArrayShift;
            energy += s * s;
            sum += v;
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        double mad = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
            mad += Math.abs(d);
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        double p10 = Percentiles.ofSorted(sorted, 10);
        double p90 = Percentiles.ofSorted(sorted, 90);
        f.put("Energy", energy);
        f.put("TotalEnergy", energy * g.spacingX * g.spacingY);
        f.put("Minimum", sorted[0]);
        f.put("Maximum", sorted[n - 1]);
        f.put("Range", sorted[n - 1] - sorted[0]);
        f.put("10Percentile", p10);
        f.put("90Percentile", p90);
        f.put("Mean", mean);
        f.put("Median", Percentiles.medianOfSorted(sorted));
        f.put("InterquartileRange", Percentiles.ofSorted(sorted, 75) - Percentiles.ofSorted(sorted, 25));
        f.put("MeanAbsoluteDeviation", mad / n);
        f.put("RootMeanSquared", Math.sqrt(energy / n));
        double sd = Math.sqrt(m2);
        f.put("Variance", sd * sd);
        f.put("StandardDeviation", sd);
        f.put("Skewness", m2 == 0 ? 0.0 : m3 / Math.pow(m2, 1.5));
        f.put("Kurtosis", m2 == 0 ? 0.0 : m4 / (m2 * m2));

        // Robust MAD: pixels with P10 <= x <= P90, mean absolute deviation around their own mean
        double rs = 0;
        int rn = 0;
        for (double v : x) {
            if (v >= p10 && v <= p90) {
                rs += v;
                rn++;
            }
        }
        double rmean = rs / rn;
        double rmad = 0;
        for (double v : x) {
            if (v >= p10 && v <= p90) {
                rmad += Math.abs(v - rmean);
            }
        }
        f.put("RobustMeanAbsoluteDeviation", rmad / rn);

        // Entropy and Uniformity on the discretised histogram
        int[] hist = new int[g.ng + 1];
        for (int i = 0; i < g.levels.length; i++) {
            if (g.mask[i]) {
                hist[g.levels[i]]++;
            }
        }
        double entropy = 0;
        double uniformity = 0;
        for (int c : hist) {
            if (c > 0) {
                double p = c / (double) n;
                entropy -= p * RoiGrid.log2(p + RoiGrid.EPS);
                uniformity += p * p;
            }
        }
        f.put("Entropy", entropy);
        f.put("Uniformity", uniformity);
        return f;
    }
}
