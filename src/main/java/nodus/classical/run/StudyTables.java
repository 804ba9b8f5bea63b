package nodus.classical.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nodus.classical.FeatureTable;
import nodus.classical.PartTable;
import nodus.classical.SplitPart;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;

/** Maps a study's cases onto the classical layer: binary labels, split parts, per-part tables. */
final class StudyTables {

    private StudyTables() {
    }

    static void requireBinary(StudyData data) {
        if (!data.binary()) {
            throw new IllegalArgumentException("task '" + data.task() + "' has " + data.classNames().size()
                    + " classes; the radiomics, clinical and combined models need a binary task");
        }
        for (SplitPart p : SplitPart.values()) {
            List<StudyCase> cs = data.part(cohortPart(p));
            long pos = cs.stream().filter(c -> c.label() == 1).count();
            if (pos == 0 || pos == cs.size()) {
                throw new IllegalArgumentException("the " + p + " part of split " + data.splitHash().substring(0,
                        Math.min(12, data.splitHash().length())) + " needs cases of both classes (" + cs.size()
                        + " cases, " + pos + " positive)");
            }
        }
    }

    static SplitPart part(StudyCase c) {
        return SplitPart.valueOf(c.part().name());
    }

    static StudyCase.Part cohortPart(SplitPart p) {
        return StudyCase.Part.valueOf(p.name());
    }

    static nodus.experiment.SplitPart runPart(SplitPart p) {
        return nodus.experiment.SplitPart.valueOf(p.name());
    }

    /** Builds a table of the cases of one part from per-case rows (by case id). */
    static PartTable partTable(StudyData data, SplitPart p, List<String> names, Map<String, double[]> rows) {
        List<StudyCase> cs = data.part(cohortPart(p));
        List<String> ids = new ArrayList<>();
        double[][] v = new double[cs.size()][];
        int[] y = new int[cs.size()];
        for (int i = 0; i < cs.size(); i++) {
            StudyCase c = cs.get(i);
            ids.add(c.caseId());
            v[i] = rows.get(c.caseId());
            if (v[i] == null) {
                throw new IllegalStateException("no values for case " + c.caseId());
            }
            y[i] = c.label();
        }
        return new PartTable(p, new FeatureTable(ids, names, v, y));
    }
}
