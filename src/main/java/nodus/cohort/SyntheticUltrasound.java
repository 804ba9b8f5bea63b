package nodus.cohort;

import java.util.Map;
import java.util.Random;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;

/**
 * Renders one synthetic B-mode image (8-bit grey values) with a hypoechoic lesion and its exact mask.
 *
 * <p>Background: a bright subcutaneous band near the top, depth attenuation, low-frequency tissue texture and
 * fully developed speckle (Rayleigh-distributed multiplicative noise, 3×3-smoothed so grains span a few pixels).
 * Lesion: boundary r(θ) = ellipse × (1 + lobulation + spiculation); the long diameter equals the tumour size in mm;
 * "not parallel" orientation makes it taller than wide; irregular shape adds low harmonics (k = 2–4),
 * non-circumscribed margin adds high harmonics (k = 8–14); the hidden latent adds to both. Inside it is dark
 * (heterogeneous echo pattern → stronger internal variation), an echogenic halo brightens a 2–3 px ring outside,
 * posterior shadowing darkens (enhancement brightens) the column below it, and microcalcifications are 1-px bright
 * dots inside. The mask is exactly the set of pixels inside r(θ).
 */
final class SyntheticUltrasound {

    record Result(GrayImage image, Mask mask) {
    }

    private SyntheticUltrasound() {
    }

    static Result render(Map<String, String> v, double sizeMm, double latent, int size, double spacingMm, Random r) {
        int w = size;
        int h = size;
        double scale = size / 128.0;
        double[] speckle = new double[w * h];
        for (int i = 0; i < speckle.length; i++) {
            // Rayleigh with unit mean: sigma = sqrt(2/pi).
            speckle[i] = Math.sqrt(2 / Math.PI) * Math.sqrt(-2 * Math.log(1 - r.nextDouble()));
        }
        speckle = boxBlur(speckle, w, h);
        double[] texFreq = {r.nextDouble() * 0.08 + 0.02, r.nextDouble() * 0.08 + 0.02, r.nextDouble() * 6.28};

        double cx = w / 2.0 + r.nextGaussian() * 6 * scale;
        double cy = h * 0.47 + r.nextGaussian() * 5 * scale;
        double major = sizeMm / 2 / spacingMm;
        major = Math.min(major, w * 0.42);
        boolean notParallel = "not parallel".equals(v.get("orientation"));
        double rx = notParallel ? major * 0.78 : major;
        double ry = notParallel ? major : major * 0.68;
        boolean irregular = "irregular".equals(v.get("shape"));
        boolean spiculated = "not circumscribed".equals(v.get("margin"));
        double lob = (irregular ? 0.10 : 0.03) + 0.015 * Math.max(latent, 0);
        double spic = (spiculated ? 0.05 : 0.008) + 0.012 * Math.max(latent, 0);
        double[] amp = new double[15];
        double[] phase = new double[15];
        for (int k = 2; k < 15; k++) {
            amp[k] = (k <= 4 ? lob : k >= 8 ? spic : lob / 3) * (0.5 + r.nextDouble());
            phase[k] = r.nextDouble() * 2 * Math.PI;
        }
        double maxBoundary = 1.2;
        for (double a : amp) {
            maxBoundary += a;
        }
        boolean heterogeneous = "heterogeneous".equals(v.get("echo_pattern"));
        boolean halo = "present".equals(v.get("echo_halo"));
        String posterior = v.getOrDefault("posterior_feature", "none");
        boolean calc = "present".equals(v.get("calcification"));

        double[] px = new double[w * h];
        boolean[] inside = new boolean[w * h];
        double bottom = cy + ry;
        for (int y = 0; y < h; y++) {
            double depth = y / (double) h;
            double band = 55 * Math.exp(-Math.pow((depth - 0.12) / 0.07, 2));
            double base = 95 + band - 35 * depth;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double tex = 12 * Math.sin(x * texFreq[0] + texFreq[2]) * Math.cos(y * texFreq[1]);
                double dx = (x + 0.5 - cx) / rx;
                double dy = (y + 0.5 - cy) / ry;
                double rho = Math.hypot(dx, dy);
                double theta = Math.atan2(dy, dx);
                double boundary = 1;
                if (rho < maxBoundary) { // far outside, the exact boundary does not matter
                    for (int k = 2; k < 15; k++) {
                        boundary += amp[k] * Math.cos(k * theta + phase[k]);
                    }
                } else {
                    boundary = maxBoundary;
                }
                double value = base + tex;
                double gain = 1;
                if (rho < boundary) {
                    inside[i] = true;
                    double internal = heterogeneous ? 22 + 14 * Math.sin((0.9 * x + 0.21 * y) / scale) : 24;
                    value = internal + 6 * latent * (heterogeneous ? 1 : 0.3);
                } else {
                    double ring = (rho - boundary) * Math.min(rx, ry);
                    if (halo && ring < 2.5 * scale) {
                        value += 55;
                    }
                    if (y > bottom - ry * 0.2 && Math.abs(x + 0.5 - cx) < rx * 0.8) {
                        double fade = Math.exp(-(y - bottom) / (h * 0.35));
                        if ("shadowing".equals(posterior) || "combined".equals(posterior)) {
                            gain *= 1 - 0.5 * Math.min(1, fade);
                        }
                        if ("enhancement".equals(posterior) || "combined".equals(posterior)) {
                            gain *= 1 + 0.35 * Math.min(1, fade);
                        }
                    }
                }
                px[i] = value * gain * speckle[i];
            }
        }
        if (calc) {
            int dots = 3 + r.nextInt(5);
            for (int d = 0; d < dots * 20 && dots > 0; d++) {
                int x = (int) (cx + (r.nextDouble() * 2 - 1) * rx * 0.7);
                int y = (int) (cy + (r.nextDouble() * 2 - 1) * ry * 0.7);
                if (x >= 0 && y >= 0 && x < w && y < h && inside[y * w + x]) {
                    px[y * w + x] = 235;
                    dots--;
                }
            }
        }
        for (int i = 0; i < px.length; i++) {
            px[i] = Math.round(DemoCohortGenerator.clamp(px[i], 0, 255));
        }
        return new Result(new GrayImage(w, h, px, spacingMm, spacingMm), new Mask(w, h, inside));
    }

    private static double[] boxBlur(double[] src, int w, int h) {
        double[] out = new double[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                int n = 0;
                for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
                    for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
                        s += src[yy * w + xx];
                        n++;
                    }
                }
                out[y * w + x] = s / n;
            }
        }
        return out;
    }
}
