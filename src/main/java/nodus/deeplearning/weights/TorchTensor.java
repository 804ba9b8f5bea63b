package nodus.deeplearning.weights;

import java.util.Arrays;

/**
 * One state-dict entry read from a PyTorch file: its dtype as PyTorch names it, its shape, and its values in
 * row-major order — float32/float16/bfloat16/float64 widened or narrowed to {@code float[]}, int64 as
 * {@code long[]} (exactly one of the two arrays is non-null).
 */
public record TorchTensor(String dtype, long[] shape, float[] floats, long[] longs) {

    public TorchTensor {
        if ((floats == null) == (longs == null)) {
            throw new IllegalArgumentException("exactly one of floats/longs must be given");
        }
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        long have = floats != null ? floats.length : longs.length;
        if (have != n) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + have);
        }
        shape = shape.clone();
    }

    public long[] shape() {
        return shape.clone();
    }

    public boolean isFloating() {
        return floats != null;
    }

    public long numel() {
        return isFloating() ? floats.length : longs.length;
    }

    @Override
    public String toString() {
        return dtype + Arrays.toString(shape);
    }
}
