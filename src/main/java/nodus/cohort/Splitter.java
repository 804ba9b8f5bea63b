package nodus.cohort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded, stratified, patient-level splitting.
 *
 * <p>Cases are grouped by patient (all cases of a patient go to one part); a patient's label is the most frequent
 * label of its cases (ties: the smaller label). Within each label the patients are shuffled with
 * {@code java.util.Random(seed)} (fixed algorithm, so the same seed gives the same split on every JVM), then
 * stably ordered by their balance stratum (the values of the chosen clinical variables), and dealt to the parts
 * in that order: each patient goes to the part whose case count lags most behind its share so far, never beyond
 * the part's target. Targets per label are the ratios times the label's case count rounded by largest remainder,
 * so each part is within one case of its exact share per class (with one case per patient), and consecutive
 * patients of a stratum are spread over the parts in proportion, which balances the chosen variables.
 */
final class Splitter {

    /** A case to split: its id, patient, label and balance stratum ("" when no balance variables). */
    record Unit(long caseId, String patient, int label, String stratum) {
    }

    private Splitter() {
    }

    static Map<Long, Part> split(List<Unit> units, List<Part> parts, double[] ratios, long seed) {
        if (parts.size() != ratios.length) {
            throw new IllegalArgumentException("one ratio per part");
        }
        Map<String, List<Unit>> byPatient = new TreeMap<>();
        for (Unit u : units) {
            byPatient.computeIfAbsent(u.patient(), k -> new ArrayList<>()).add(u);
        }
        Map<Integer, List<String>> patientsByLabel = new TreeMap<>();
        Map<String, String> stratumOf = new HashMap<>();
        for (var e : byPatient.entrySet()) {
            patientsByLabel.computeIfAbsent(patientLabel(e.getValue()), k -> new ArrayList<>()).add(e.getKey());
            stratumOf.put(e.getKey(), e.getValue().get(0).stratum());
        }
        Random random = new Random(seed);
        Map<Long, Part> result = new LinkedHashMap<>();
        for (List<String> patients : patientsByLabel.values()) {
            java.util.Collections.shuffle(patients, random);
            patients.sort(Comparator.comparing(stratumOf::get)); // stable: keeps the shuffled order per stratum
            int total = patients.stream().mapToInt(p -> byPatient.get(p).size()).sum();
            long[] target = largestRemainder(total, ratios);
            long[] assigned = new long[parts.size()];
            long dealt = 0;
            for (String patient : patients) {
                int weight = byPatient.get(patient).size();
                dealt += weight;
                int best = -1;
                double bestLag = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < parts.size(); k++) {
                    if (assigned[k] + weight > target[k] && anyFits(assigned, target, weight)) {
                        continue;
                    }
                    double lag = ratios[k] * dealt - assigned[k];
                    if (lag > bestLag + 1e-12) {
                        bestLag = lag;
                        best = k;
                    }
                }
                assigned[best] += weight;
                for (Unit u : byPatient.get(patient)) {
                    result.put(u.caseId(), parts.get(best));
                }
            }
        }
        return result;
    }

    private static boolean anyFits(long[] assigned, long[] target, int weight) {
        for (int k = 0; k < assigned.length; k++) {
            if (assigned[k] + weight <= target[k]) {
                return true;
            }
        }
        return false;
    }

    private static int patientLabel(List<Unit> cases) {
        Map<Integer, Integer> counts = new TreeMap<>();
        cases.forEach(u -> counts.merge(u.label(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    /** Hamilton's method: floor of each share, remaining units to the largest remainders (ties: earlier part). */
    static long[] largestRemainder(int total, double[] ratios) {
        double sum = 0;
        for (double r : ratios) {
            sum += r;
        }
        long[] n = new long[ratios.length];
        double[] rem = new double[ratios.length];
        long given = 0;
        for (int k = 0; k < ratios.length; k++) {
            double exact = total * ratios[k] / sum;
            n[k] = (long) Math.floor(exact + 1e-9);
            rem[k] = exact - n[k];
            given += n[k];
        }
        while (given < total) {
            int best = 0;
            for (int k = 1; k < ratios.length; k++) {
                if (rem[k] > rem[best] + 1e-9) {
                    best = k;
                }
            }
            n[best]++;
            rem[best] = -1;
            given++;
        }
        return n;
    }
}
