package nodus.classical;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The leakage guard. Every fitted step calls {@link #fitOn} before it looks at the data; the returned
 * {@link FittedOn} is kept with the fitted step. Fitting or tuning on VALIDATION or TEST is refused with a
 * {@link LeakageException}. The one exception is choosing between candidate models already fitted on TRAIN,
 * which may use VALIDATION ({@link #chooseOn}) — never TEST: the study picked SVM vs LR on its test cohort,
 * Nodus does not.
 */
public final class LeakageGuard {

    private LeakageGuard() {
    }

    /** Allows fitting/tuning {@code step} on {@code data} only if it is the TRAIN part. */
    public static FittedOn fitOn(String step, PartTable data) {
        if (data.part() != SplitPart.TRAIN) {
            throw new LeakageException("refused: '" + step + "' may be fitted/tuned only on the TRAIN part, got "
                    + data.part() + " (" + data.table().rows() + " cases, hash "
                    + data.table().caseIdHash().substring(0, 12) + "…)");
        }
        return record(step, data);
    }

    /** Allows a model choice between candidates already fitted on TRAIN, on the VALIDATION part only. */
    public static FittedOn chooseOn(String step, PartTable data, List<FittedOn> candidatesFittedOn) {
        if (data.part() != SplitPart.VALIDATION) {
            throw new LeakageException("refused: model choice '" + step + "' may use only the VALIDATION part, got "
                    + data.part());
        }
        for (FittedOn f : candidatesFittedOn) {
            if (f.part() != SplitPart.TRAIN) {
                throw new LeakageException("refused: candidate step '" + f.step() + "' was fitted on " + f.part());
            }
        }
        return record(step, data);
    }

    /**
     * Refuses applying steps fitted on TRAIN when the cases overlap the training cases of a step in a way that
     * shows a mix-up (a VALIDATION/TEST table sharing cases with the fitting set).
     */
    public static void requireDisjoint(PartTable data, FeatureTable trainTable) {
        if (data.part() == SplitPart.TRAIN) {
            return;
        }
        Set<String> train = new HashSet<>(trainTable.caseIds());
        for (String id : data.table().caseIds()) {
            if (train.contains(id)) {
                throw new LeakageException("refused: case '" + id + "' of the " + data.part()
                        + " part is also in the training cases");
            }
        }
    }

    private static FittedOn record(String step, PartTable data) {
        return new FittedOn(step, data.part(), data.table().caseIdHash(), data.table().rows());
    }
}
