package nodus.deeplearning.data;

import java.util.SplittableRandom;

/**
 * Training-only augmentation of a prepared ROI: a horizontal flip with probability ½ and a rotation by a uniform
 * angle in ±{@value #MAX_DEGREES}° about the centre (nearest neighbour; pixels rotated in from outside are −1, the
 * darkest value). The draw depends only on the given seed, so an epoch's augmentations are reproducible — a
 * resumed run sees exactly the images an uninterrupted run would have seen.
 */
public final class Augmenter {

    /** Largest rotation, degrees; small, as lesions have no canonical orientation but the probe does. */
    public static final double MAX_DEGREES = 10;

    private Augmenter() {
    }

    /** The seed of one case's augmentation in one epoch (a SplitMix-style mix of the three inputs). */
    public static long seedFor(long runSeed, int epoch, int caseIndex) {
        long z = runSeed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + caseIndex * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a new size×size array; {@code img} is not changed */
    public static float[] augment(float[] img, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        boolean flip = r.nextBoolean();
        double angle = Math.toRadians((r.nextDouble() * 2 - 1) * MAX_DEGREES);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double c = (size - 1) / 2.0;
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                // Inverse mapping: which source pixel lands on (x, y).
                double dx = x - c;
                double dy = y - c;
                int sx = (int) Math.round(cos * dx + sin * dy + c);
                int sy = (int) Math.round(-sin * dx + cos * dy + c);
                if (flip) {
                    sx = size - 1 - sx;
                }
                out[y * size + x] = sx >= 0 && sx < size && sy >= 0 && sy < size ? img[sy * size + sx] : -1f;
            }
        }
        return out;
    }
}
