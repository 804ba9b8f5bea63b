package nodus.radiomics.filter;

/**
 * The 1D recursive (IIR) Gaussian of ITK's {@code RecursiveGaussianImageFilter}, which SimpleITK's
 * {@code LaplacianRecursiveGaussianImageFilter} (and so pyradiomics' LoG) runs along each axis: Deriche's
 * 4th-order causal + anti-causal approximation of the Gaussian and its derivatives (R. Deriche, "Recursively
 * implementing the Gaussian and its derivatives", INRIA RR-1893, 1993), with ITK's normalisation of the
 * coefficients and its edge-extension boundary condition (the border value is taken to repeat to infinity on
 * either side; nothing is padded).
 *
 * <p>Coefficients are in pixel units: {@code sigmaPixels = sigmaMm / spacingMm}. With {@code normalizeAcrossScale}
 * (pyradiomics sets it) the second derivative is multiplied by σ² (σ in mm); the caller divides by spacing² to get
 * a derivative per mm². Arithmetic is double, as ITK's line buffers are.
 */
final class RecursiveGaussian {

    enum Order { SMOOTHING, SECOND_DERIVATIVE }

    // Deriche's fitted constants as ITK uses them (exponential decay L, frequency W, amplitudes A/B per order).
    private static final double W1 = 0.6681;
    private static final double L1 = -1.3932;
    private static final double W2 = 2.0787;
    private static final double L2 = -1.3732;
    private static final double[] A1 = {1.3530, -0.6724, -1.3563};
    private static final double[] B1 = {1.8151, -3.4327, 5.2318};
    private static final double[] A2 = {-0.3531, 0.6724, 0.3446};
    private static final double[] B2 = {0.0902, 0.6100, -2.2355};

    // causal input (n), recursive (d), anti-causal input (m) and boundary (bn, bm) coefficients, index 0..3
    private final double[] n = new double[4];
    private final double[] d = new double[4];
    private final double[] m = new double[4];
    private final double[] bn = new double[4];
    private final double[] bm = new double[4];

    RecursiveGaussian(double sigmaMm, double spacingMm, Order order, boolean normalizeAcrossScale) {
        if (!(sigmaMm > 0) || !(spacingMm > 0)) {
            throw new IllegalArgumentException("sigma and spacing must be positive, got " + sigmaMm + ", " + spacingMm);
        }
        double sigmad = sigmaMm / spacingMm;
        double cos1 = Math.cos(W1 / sigmad);
        double cos2 = Math.cos(W2 / sigmad);
        double exp1 = Math.exp(L1 / sigmad);
        double exp2 = Math.exp(L2 / sigmad);
        // denominator (recursive) coefficients, identical for every order
        d[3] = exp1 * exp1 * exp2 * exp2;
        d[2] = -2 * cos1 * exp1 * exp2 * exp2;
        d[2] += -2 * cos2 * exp2 * exp1 * exp1;
        d[1] = 4 * cos2 * cos1 * exp1 * exp2;
        d[1] += exp1 * exp1 + exp2 * exp2;
        d[0] = -2 * (exp2 * cos2 + exp1 * cos1);
        double sd = 1.0 + d[0] + d[1] + d[2] + d[3];
        double dd = d[0] + 2 * d[1] + 3 * d[2] + 4 * d[3];
        double ed = d[0] + 4 * d[1] + 9 * d[2] + 16 * d[3];

        if (order == Order.SMOOTHING) {
            double[] n0 = numerator(sigmad, 0);
            // scale so the kernel sums to 1: alpha0 = 2·SN/SD − N0 (SN = sum of N)
            double alpha0 = 2 * n0[4] / sd - n0[0];
            for (int i = 0; i < 4; i++) {
                n[i] = n0[i] * (1.0 / alpha0);
            }
        } else {
            double norm = normalizeAcrossScale ? sigmaMm * sigmaMm : 1.0;
            double[] n0 = numerator(sigmad, 0);
            double[] n2 = numerator(sigmad, 2);
            // remove the DC response of the 2nd-order fit by mixing in the 0th-order one
            double beta = -(2 * n2[4] - sd * n2[0]) / (2 * n0[4] - sd * n0[0]);
            for (int i = 0; i < 4; i++) {
                n[i] = n2[i] + beta * n0[i];
            }
            double sn = n2[4] + beta * n0[4];
            double dn = n2[5] + beta * n0[5];
            double en = n2[6] + beta * n0[6];
            // scale so the response to x² is 2 (a unit second derivative)
            double alpha2 = en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn;
            alpha2 /= sd * sd * sd;
            for (int i = 0; i < 4; i++) {
                n[i] *= norm / alpha2;
            }
        }
        // symmetric kernels (orders 0 and 2): anti-causal coefficients mirror the causal ones
        m[0] = n[1] - d[0] * n[0];
        m[1] = n[2] - d[1] * n[0];
        m[2] = n[3] - d[2] * n[0];
        m[3] = -d[3] * n[0];
        double sumN = n[0] + n[1] + n[2] + n[3];
        double sumM = m[0] + m[1] + m[2] + m[3];
        double sumD = 1.0 + d[0] + d[1] + d[2] + d[3];
        for (int i = 0; i < 4; i++) {
            bn[i] = d[i] * sumN / sumD;
            bm[i] = d[i] * sumM / sumD;
        }
    }

    /** N0..N3 and their sums SN, DN (first moment), EN (second moment) for derivative order 0 or 2. */
    private static double[] numerator(double sigmad, int k) {
        double a1 = A1[k];
        double b1 = B1[k];
        double a2 = A2[k];
        double b2 = B2[k];
        double sin1 = Math.sin(W1 / sigmad);
        double sin2 = Math.sin(W2 / sigmad);
        double cos1 = Math.cos(W1 / sigmad);
        double cos2 = Math.cos(W2 / sigmad);
        double exp1 = Math.exp(L1 / sigmad);
        double exp2 = Math.exp(L2 / sigmad);
        double n0 = a1 + a2;
        double n1 = exp2 * (b2 * sin2 - (a2 + 2 * a1) * cos2);
        n1 += exp1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
        double n2 = (a1 + a2) * cos2 * cos1;
        n2 -= b1 * cos2 * sin1 + b2 * cos1 * sin2;
        n2 *= 2 * exp1 * exp2;
        n2 += a2 * exp1 * exp1 + a1 * exp2 * exp2;
        double n3 = exp2 * exp1 * exp1 * (b2 * sin2 - a2 * cos2);
        n3 += exp1 * exp2 * exp2 * (b1 * sin1 - a1 * cos1);
        return new double[] {n0, n1, n2, n3, n0 + n1 + n2 + n3, n1 + 2 * n2 + 3 * n3, n1 + 4 * n2 + 9 * n3};
    }

    /**
     * Filters one line ({@code len >= 4}): out = causal pass + anti-causal pass. {@code scratch} is work space of
     * the same length. The order of the sums follows ITK so results agree to the last bit.
     */
    void filterLine(double[] data, double[] out, double[] scratch, int len) {
        if (len < 4) {
            throw new IllegalArgumentException("recursive Gaussian needs at least 4 pixels along an axis, got " + len);
        }
        double[] y = out;
        double v = data[0]; // edge extension: data[0] repeats to −∞
        y[0] = v * n[0] + v * n[1] + v * n[2] + v * n[3];
        y[1] = data[1] * n[0] + v * n[1] + v * n[2] + v * n[3];
        y[2] = data[2] * n[0] + data[1] * n[1] + v * n[2] + v * n[3];
        y[3] = data[3] * n[0] + data[2] * n[1] + data[1] * n[2] + v * n[3];
        y[0] -= v * bn[0] + v * bn[1] + v * bn[2] + v * bn[3];
        y[1] -= y[0] * d[0] + v * bn[1] + v * bn[2] + v * bn[3];
        y[2] -= y[1] * d[0] + y[0] * d[1] + v * bn[2] + v * bn[3];
        y[3] -= y[2] * d[0] + y[1] * d[1] + y[0] * d[2] + v * bn[3];
        for (int i = 4; i < len; i++) {
            y[i] = data[i] * n[0] + data[i - 1] * n[1] + data[i - 2] * n[2] + data[i - 3] * n[3];
            y[i] -= y[i - 1] * d[0] + y[i - 2] * d[1] + y[i - 3] * d[2] + y[i - 4] * d[3];
        }

        double[] z = scratch;
        int e = len - 1;
        v = data[e]; // edge extension: data[len−1] repeats to +∞
        z[e] = v * m[0] + v * m[1] + v * m[2] + v * m[3];
        z[e - 1] = data[e] * m[0] + v * m[1] + v * m[2] + v * m[3];
        z[e - 2] = data[e - 1] * m[0] + data[e] * m[1] + v * m[2] + v * m[3];
        z[e - 3] = data[e - 2] * m[0] + data[e - 1] * m[1] + data[e] * m[2] + v * m[3];
        z[e] -= v * bm[0] + v * bm[1] + v * bm[2] + v * bm[3];
        z[e - 1] -= z[e] * d[0] + v * bm[1] + v * bm[2] + v * bm[3];
        z[e - 2] -= z[e - 1] * d[0] + z[e] * d[1] + v * bm[2] + v * bm[3];
        z[e - 3] -= z[e - 2] * d[0] + z[e - 1] * d[1] + z[e] * d[2] + v * bm[3];
        for (int i = len - 4; i > 0; i--) {
            z[i - 1] = data[i] * m[0] + data[i + 1] * m[1] + data[i + 2] * m[2] + data[i + 3] * m[3];
            z[i - 1] -= z[i] * d[0] + z[i + 1] * d[1] + z[i + 2] * d[2] + z[i + 3] * d[3];
        }
        for (int i = 0; i < len; i++) {
            out[i] += z[i];
        }
    }
}
