package nodus.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SortedTest {

    @Test
    void argsortIsStableOnTies() {
        // values 0.3 (0), 0.1 (1), 0.3 (2), 0.2 (3), 0.1 (4) → 0.1s in index order 1, 4; then 3; then 0.3s 0, 2
        assertThat(Sorted.argsortStable(new double[] {0.3, 0.1, 0.3, 0.2, 0.1})).containsExactly(1, 4, 3, 0, 2);
        assertThat(Sorted.argsortStable(new double[0])).isEmpty();
    }

    @Test
    void numpyLinearQuantile() {
        double[] x = {1, 2, 3, 4};
        // virtual index (n − 1)·q: q = .5 → 1.5 → between 2 and 3 → 2.5; q = 1/3 → 1.0 → exactly 2
        assertThat(Sorted.numpyQuantile(x, 0.5)).isEqualTo(2.5);
        assertThat(Sorted.numpyQuantile(x, 1.0 / 3)).isEqualTo(2.0);
        assertThat(Sorted.numpyQuantile(x, 0.0)).isEqualTo(1.0);
        assertThat(Sorted.numpyQuantile(x, 1.0)).isEqualTo(4.0);
    }

    @Test
    void countsOnSortedArrays() {
        double[] s = {0.1, 0.2, 0.2, 0.5};
        assertThat(Sorted.countBelow(s, 0.2)).isEqualTo(1);
        assertThat(Sorted.countAtOrBelow(s, 0.2)).isEqualTo(3);
        assertThat(Sorted.countBelow(s, 0.05)).isZero();
        assertThat(Sorted.countAtOrBelow(s, 0.9)).isEqualTo(4);
    }
}
