package nodus.classical;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranks with ties given their average rank (1-based), as scipy.stats.rankdata(method="average"). */
final class Ranks {

    private Ranks() {
    }

    static double[] average(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        int i = 0;
        while (i < x.length) {
            int j = i;
            while (j + 1 < x.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            // positions i..j (0-based) share the ranks i+1..j+1; their mean is (i+j)/2 + 1
            double avg = (i + j) / 2.0 + 1.0;
            for (int k = i; k <= j; k++) {
                r[order[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }
}
