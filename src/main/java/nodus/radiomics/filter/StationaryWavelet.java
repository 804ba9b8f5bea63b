package nodus.radiomics.filter;

/**
 * One level of PyWavelets' stationary (undecimated) wavelet transform along one image axis, as
 * {@code pywt.swtn(data, wavelet, level=1, start_level=0)} computes it: circular convolution with the wavelet's
 * decomposition filter, {@code out[i] = Σ_j f[j] · x[(i + F/2 − j) mod N]} (pywt's
 * {@code downsampling_convolution_periodization} with step 1), no downsampling, no normalisation.
 */
final class StationaryWavelet {

    /**
     * coif1 decomposition filters, copied at full precision from PyWavelets 1.9.0
     * ({@code pywt.Wavelet('coif1').dec_lo / dec_hi}).
     */
    static final double[] COIF1_DEC_LO = {
        -0.015655728135791993, -0.07273261951252645, 0.3848648468648578,
        0.8525720202116004, 0.3378976624574818, -0.07273261951252645};
    static final double[] COIF1_DEC_HI = {
        0.07273261951252645, 0.3378976624574818, -0.8525720202116004,
        0.3848648468648578, 0.07273261951252645, -0.015655728135791993};

    private StationaryWavelet() {
    }

    /** Filters every row ({@code alongX}) or every column of a w×h row-major array. */
    static double[] filter(double[] in, int w, int h, boolean alongX, double[] f) {
        double[] out = new double[in.length];
        int len = alongX ? w : h;
        int step = alongX ? 1 : w;
        int lines = alongX ? h : w;
        int lineStep = alongX ? w : 1;
        int half = f.length / 2;
        for (int l = 0; l < lines; l++) {
            int base = l * lineStep;
            for (int i = 0; i < len; i++) {
                double sum = 0;
                for (int j = 0; j < f.length; j++) {
                    int k = Math.floorMod(i + half - j, len);
                    sum += f[j] * in[base + k * step];
                }
                out[base + i * step] = sum;
            }
        }
        return out;
    }
}
