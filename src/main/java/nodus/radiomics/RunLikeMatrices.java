package nodus.radiomics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sums shared by the GLRLM, GLSZM and GLDM features (pyradiomics uses the same formulas on run lengths, zone
 * sizes and dependence counts): p(i, j) counts with grey-level value i = gl[row] and size j = column + 1, N = total.
 */
final class RunLikeMatrices {

    private RunLikeMatrices() {
    }

    record Sums(double smallEmphasis, double largeEmphasis, double glNonUniformity, double sizeNonUniformity,
                double np, double glVariance, double sizeVariance, double entropy, double lowGl, double highGl,
                double smallLow, double smallHigh, double largeLow, double largeHigh) {
    }

    static Sums sums(double[][] p, int[] gl, double total) {
        int ng = p.length;
        int ns = ng == 0 ? 0 : p[0].length;
        double[] pg = new double[ng];
        double[] ps = new double[ns];
        double entropy = 0;
        double smallLow = 0;
        double smallHigh = 0;
        double largeLow = 0;
        double largeHigh = 0;
        for (int i = 0; i < ng; i++) {
            double iv = gl[i];
            for (int j = 0; j < ns; j++) {
                double v = p[i][j];
                if (v == 0) {
                    continue;
                }
                double jv = j + 1;
                pg[i] += v;
                ps[j] += v;
                double pn = v / total;
                entropy -= pn * RoiGrid.log2(pn + RoiGrid.EPS);
                smallLow += v / (iv * iv * jv * jv);
                smallHigh += v * iv * iv / (jv * jv);
                largeLow += v * jv * jv / (iv * iv);
                largeHigh += v * jv * jv * iv * iv;
            }
        }
        double small = 0;
        double large = 0;
        double sizeNu = 0;
        double np = 0;
        double uj = 0;
        for (int j = 0; j < ns; j++) {
            double jv = j + 1;
            small += ps[j] / (jv * jv);
            large += ps[j] * jv * jv;
            sizeNu += ps[j] * ps[j];
            np += ps[j] * jv;
            uj += ps[j] / total * jv;
        }
        double sizeVar = 0;
        for (int j = 0; j < ns; j++) {
            double d = j + 1 - uj;
            sizeVar += ps[j] / total * d * d;
        }
        double glNu = 0;
        double low = 0;
        double high = 0;
        double ui = 0;
        for (int i = 0; i < ng; i++) {
            double iv = gl[i];
            glNu += pg[i] * pg[i];
            low += pg[i] / (iv * iv);
            high += pg[i] * iv * iv;
            ui += pg[i] / total * iv;
        }
        double glVar = 0;
        for (int i = 0; i < ng; i++) {
            double d = gl[i] - ui;
            glVar += pg[i] / total * d * d;
        }
        return new Sums(small / total, large / total, glNu / total, sizeNu / total, np, glVar, sizeVar, entropy,
                low / total, high / total, smallLow / total, smallHigh / total, largeLow / total, largeHigh / total);
    }

    /** numpy.nanmean over angles, feature by feature. */
    static Map<String, Double> nanMean(List<Map<String, Double>> per) {
        Map<String, Double> out = new HashMap<>();
        for (String name : per.get(0).keySet()) {
            double sum = 0;
            int k = 0;
            for (Map<String, Double> m : per) {
                double v = m.get(name);
                if (!Double.isNaN(v)) {
                    sum += v;
                    k++;
                }
            }
            out.put(name, k == 0 ? Double.NaN : sum / k);
        }
        return out;
    }
}
