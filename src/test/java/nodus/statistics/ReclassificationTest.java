package nodus.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** NRI and IDI on a six-case example worked by hand (Pencina 2008; SEs as Hmisc improveProb). */
class ReclassificationTest {

    private static final double[] Y = {1, 1, 1, 0, 0, 0};
    private static final double[] OLD = {0.2, 0.5, 0.7, 0.3, 0.4, 0.1};
    private static final double[] NEW = {0.4, 0.6, 0.6, 0.2, 0.6, 0.05};

    @Test
    void continuousNri() {
        // events: .2→.4 up, .5→.6 up, .7→.6 down → (2 − 1)/3 = 1/3
        // non-events: .3→.2 down, .4→.6 up, .1→.05 down → (2 − 1)/3 = 1/3; NRI = 2/3
        // Var = (2+1)/9 − 1²/27 + (1+2)/9 − 1²/27 = 16/27
        Reclassification.Result r = Reclassification.nriContinuous(Y, OLD, NEW);
        assertThat(r.events()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.nonEvents()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(r.estimate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(r.se()).isCloseTo(Math.sqrt(16.0 / 27), within(1e-15));
        assertThat(r.ciLow()).isCloseTo(2.0 / 3 - 1.959963984540054 * Math.sqrt(16.0 / 27), within(1e-12));
    }

    @Test
    void categoricalNriWithOneCutPoint() {
        // cut .5 (category 1 if p ≥ .5): events old 0,1,1 → new 0,1,1: no moves → 0
        // non-events old 0,0,0 → new 0,1,0: one up → (0 − 1)/3 = −1/3; Var = 0 + 1/9 − 1/27 = 2/27
        Reclassification.Result r = Reclassification.nriCategorical(Y, OLD, NEW, new double[] {0.5});
        assertThat(r.events()).isEqualTo(0.0);
        assertThat(r.nonEvents()).isCloseTo(-1.0 / 3, within(1e-15));
        assertThat(r.se()).isCloseTo(Math.sqrt(2.0 / 27), within(1e-15));
    }

    @Test
    void idi() {
        // Δp events .2, .1, −.1 (mean 1/15); non-events −.1, .2, −.05 (mean 1/60); IDI = 1/15 − 1/60 = .05
        // Var = s²(.2,.1,−.1)/3 + s²(−.1,.2,−.05)/3 with s² = Σ(x − mean)²/2
        Reclassification.Result r = Reclassification.idi(Y, OLD, NEW);
        assertThat(r.estimate()).isCloseTo(0.05, within(1e-12));
        double ve = (sq(0.2 - 1.0 / 15) + sq(0.1 - 1.0 / 15) + sq(-0.1 - 1.0 / 15)) / 2 / 3;
        double vn = (sq(-0.1 - 1.0 / 60) + sq(0.2 - 1.0 / 60) + sq(-0.05 - 1.0 / 60)) / 2 / 3;
        assertThat(r.se()).isCloseTo(Math.sqrt(ve + vn), within(1e-12));
    }

    private static double sq(double x) {
        return x * x;
    }
}
