package nodus.classical;

import java.util.Objects;

/** A feature table tagged with the split part its cases belong to; every fit takes one of these. */
public record PartTable(SplitPart part, FeatureTable table) {

    public PartTable {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(table, "table");
    }

    public static PartTable train(FeatureTable t) {
        return new PartTable(SplitPart.TRAIN, t);
    }

    public static PartTable validation(FeatureTable t) {
        return new PartTable(SplitPart.VALIDATION, t);
    }

    public static PartTable test(FeatureTable t) {
        return new PartTable(SplitPart.TEST, t);
    }

    /** The same cases with another table (e.g. after a transform), keeping the part. */
    public PartTable with(FeatureTable t) {
        if (!CaseIdHash.of(t.caseIds()).equals(table.caseIdHash())) {
            throw new IllegalArgumentException("replacement table has other cases than the " + part + " part");
        }
        return new PartTable(part, t);
    }
}
