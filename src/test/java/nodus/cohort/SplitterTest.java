package nodus.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure splitting algorithm: seeded, stratified, patient level, within one case of the ratios. */
class SplitterTest {

    private static final List<Part> PARTS = List.of(Part.TRAIN, Part.VALIDATION, Part.TEST);
    private static final double[] RATIOS = {0.6, 0.2, 0.2};

    private static List<Splitter.Unit> units(int[] classSizes, int casesPerPatient) {
        List<Splitter.Unit> units = new ArrayList<>();
        long id = 1;
        int patient = 0;
        for (int label = 0; label < classSizes.length; label++) {
            for (int i = 0; i < classSizes[label]; i++) {
                if (i % casesPerPatient == 0) {
                    patient++;
                }
                units.add(new Splitter.Unit(id++, "P" + patient, label, i % 3 == 0 ? "a" : "b"));
            }
        }
        return units;
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<Splitter.Unit> u = units(new int[] {215, 33, 52}, 1);
        Map<Long, Part> a = Splitter.split(u, PARTS, RATIOS, 42);
        List<Splitter.Unit> reversed = new ArrayList<>(u);
        java.util.Collections.reverse(reversed);
        Map<Long, Part> b = Splitter.split(reversed, PARTS, RATIOS, 42);
        assertThat(b).isEqualTo(a);
        assertThat(SplitHash.of(byPatient(u, b))).isEqualTo(SplitHash.of(byPatient(u, a)));
        Map<Long, Part> c = Splitter.split(u, PARTS, RATIOS, 43);
        assertThat(SplitHash.of(byPatient(u, c))).isNotEqualTo(SplitHash.of(byPatient(u, a)));
    }

    @Test
    void everyClassIsWithinOneCaseOfSixTwoTwo() {
        int[] sizes = {215, 33, 52};
        List<Splitter.Unit> u = units(sizes, 1);
        for (long seed = 0; seed < 20; seed++) {
            Map<Long, Part> split = Splitter.split(u, PARTS, RATIOS, seed);
            for (int label = 0; label < sizes.length; label++) {
                for (int k = 0; k < PARTS.size(); k++) {
                    int fl = label;
                    Part part = PARTS.get(k);
                    long n = u.stream().filter(x -> x.label() == fl && split.get(x.caseId()) == part).count();
                    assertThat(Math.abs(n - sizes[label] * RATIOS[k])).as("class %d part %s", label, part)
                            .isLessThan(1.0);
                }
            }
        }
    }

    @Test
    void patientsNeverSpanTwoParts() {
        List<Splitter.Unit> u = units(new int[] {120, 40}, 3);
        Map<Long, Part> split = Splitter.split(u, PARTS, RATIOS, 7);
        Map<String, Part> seen = new HashMap<>();
        for (Splitter.Unit x : u) {
            Part earlier = seen.putIfAbsent(x.patient(), split.get(x.caseId()));
            assertThat(earlier == null || earlier == split.get(x.caseId())).as(x.patient()).isTrue();
        }
        assertThat(split).hasSize(u.size());
    }

    @Test
    void balancedStrataAreSpreadOverParts() {
        List<Splitter.Unit> u = units(new int[] {300}, 1);
        Map<Long, Part> split = Splitter.split(u, PARTS, RATIOS, 3);
        long aTotal = u.stream().filter(x -> x.stratum().equals("a")).count();
        long aTrain = u.stream().filter(x -> x.stratum().equals("a") && split.get(x.caseId()) == Part.TRAIN).count();
        assertThat(Math.abs(aTrain - 0.6 * aTotal)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void largestRemainderRounding() {
        assertThat(Splitter.largestRemainder(33, RATIOS)).containsExactly(20, 7, 6);
        assertThat(Splitter.largestRemainder(52, new double[] {0.8, 0.2})).containsExactly(42, 10);
    }

    private static Map<String, Part> byPatient(List<Splitter.Unit> u, Map<Long, Part> split) {
        Map<String, Part> m = new HashMap<>();
        u.forEach(x -> m.put(x.patient(), split.get(x.caseId())));
        return m;
    }
}
