package nodus.classical;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Stratified k-fold assignment: the cases of each class are shuffled with the given seed (Fisher–Yates) and dealt
 * round-robin to the folds, negatives first then positives continuing the rotation, so every fold gets
 * ⌊n_c/k⌋ or ⌈n_c/k⌉ cases of class c and fold sizes differ by at most one.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /** Fold id (0..k−1) for each row of {@code labels}. */
    public static int[] assign(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + k);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int next = 0;
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == cls) {
                    idx.add(i);
                }
            }
            if (idx.size() < k) {
                throw new IllegalArgumentException("class " + cls + " has " + idx.size() + " cases, fewer than " + k
                        + " folds");
            }
            for (int i = idx.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Integer tmp = idx.get(i);
                idx.set(i, idx.get(j));
                idx.set(j, tmp);
            }
            for (int i : idx) {
                fold[i] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }
}
