package nodus.imaging;

import java.util.ArrayDeque;

/**
 * The largest-lesion region of interest: the largest 8-connected component of a mask, its bounding box, and crops of
 * image and mask to that box widened by a margin (clamped to the image). Used by radiomics (cropping) and by
 * fine-tuning (ROI patches).
 */
public final class RoiCrop {

    /** An inclusive-exclusive pixel box: x in [x0, x1), y in [y0, y1). */
    public record Box(int x0, int y0, int x1, int y1) {
        public Box {
            if (x1 <= x0 || y1 <= y0) {
                throw new IllegalArgumentException("empty box " + x0 + "," + y0 + "–" + x1 + "," + y1);
            }
        }

        public int width() {
            return x1 - x0;
        }

        public int height() {
            return y1 - y0;
        }
    }

    /** A crop: the cropped image and mask and where the box lies in the original. */
    public record Cropped(GrayImage image, Mask mask, Box box) {
    }

    private RoiCrop() {
    }

    /** The largest 8-connected component of the mask (ties: the one met first in row-major order). */
    public static Mask largestComponent(Mask mask) {
        int w = mask.width();
        int h = mask.height();
        boolean[] in = mask.inside();
        int[] label = new int[w * h];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < in.length; start++) {
            if (!in[start] || label[start] != 0) {
                continue;
            }
            next++;
            int size = 0;
            label[start] = next;
            stack.push(start);
            while (!stack.isEmpty()) {
                int p = stack.pop();
                size++;
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int q = ny * w + nx;
                            if (in[q] && label[q] == 0) {
                                label[q] = next;
                                stack.push(q);
                            }
                        }
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = next;
            }
        }
        if (best == 0) {
            throw new IllegalArgumentException("mask has no lesion pixel");
        }
        boolean[] out = new boolean[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = label[i] == best;
        }
        return new Mask(w, h, out);
    }

    /** The tight bounding box of the mask's pixels. */
    public static Box boundingBox(Mask mask) {
        int w = mask.width();
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        boolean[] in = mask.inside();
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                int x = i % w;
                int y = i / w;
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
            }
        }
        if (x1 < 0) {
            throw new IllegalArgumentException("mask has no lesion pixel");
        }
        return new Box(x0, y0, x1 + 1, y1 + 1);
    }

    /**
     * Crops image and mask to the largest lesion's bounding box widened by {@code marginPx} on every side, clamped to
     * the image. The cropped mask keeps only the largest lesion.
     */
    public static Cropped largestLesion(GrayImage image, Mask mask, int marginPx) {
        if (marginPx < 0) {
            throw new IllegalArgumentException("margin must be ≥ 0 px, got " + marginPx);
        }
        if (!mask.sameGeometryAs(image)) {
            throw new IllegalArgumentException("mask " + mask + " does not match image " + image);
        }
        Mask largest = largestComponent(mask);
        Box b = boundingBox(largest);
        Box box = new Box(Math.max(0, b.x0() - marginPx), Math.max(0, b.y0() - marginPx),
                Math.min(image.width(), b.x1() + marginPx), Math.min(image.height(), b.y1() + marginPx));
        return new Cropped(crop(image, box), crop(largest, box), box);
    }

    /** The mask with every pixel outside the box cleared (same grid). */
    public static Mask restrictTo(Mask mask, Box box) {
        boolean[] in = mask.inside();
        for (int i = 0; i < in.length; i++) {
            int x = i % mask.width();
            int y = i / mask.width();
            if (x < box.x0() || x >= box.x1() || y < box.y0() || y >= box.y1()) {
                in[i] = false;
            }
        }
        return new Mask(mask.width(), mask.height(), in);
    }

    public static GrayImage crop(GrayImage image, Box box) {
        double[] src = image.pixels();
        double[] out = new double[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(src, (box.y0() + y) * image.width() + box.x0(), out, y * box.width(), box.width());
        }
        return new GrayImage(box.width(), box.height(), out, image.spacingX(), image.spacingY());
    }

    public static Mask crop(Mask mask, Box box) {
        boolean[] src = mask.inside();
        boolean[] out = new boolean[box.width() * box.height()];
        for (int y = 0; y < box.height(); y++) {
            System.arraycopy(src, (box.y0() + y) * mask.width() + box.x0(), out, y * box.width(), box.width());
        }
        return new Mask(box.width(), box.height(), out);
    }
}
