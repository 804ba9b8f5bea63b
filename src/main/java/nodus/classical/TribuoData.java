package nodus.classical;

import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Conversion of a {@link FeatureTable} to a Tribuo dataset (label "1" = positive, "0" = negative). */
final class TribuoData {

    static final Label POSITIVE = new Label("1");
    static final Label NEGATIVE = new Label("0");
    static final LabelFactory FACTORY = new LabelFactory();

    private TribuoData() {
    }

    static MutableDataset<Label> dataset(FeatureTable t, String description) {
        MutableDataset<Label> ds = new MutableDataset<>(
                new SimpleDataSourceProvenance("nodus-classical:" + description + ":cases=" + t.caseIdHash(), FACTORY),
                FACTORY);
        String[] names = t.featureNames().toArray(new String[0]);
        for (int i = 0; i < t.rows(); i++) {
            double[] row = new double[names.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = t.value(i, j);
            }
            ds.add(new ArrayExample<>(t.label(i) == 1 ? POSITIVE : NEGATIVE, names, row));
        }
        return ds;
    }

    static ArrayExample<Label> example(FeatureTable t, int i) {
        String[] names = t.featureNames().toArray(new String[0]);
        double[] row = new double[names.length];
        for (int j = 0; j < row.length; j++) {
            row[j] = t.value(i, j);
        }
        return new ArrayExample<>(t.label(i) == 1 ? POSITIVE : NEGATIVE, names, row);
    }
}
