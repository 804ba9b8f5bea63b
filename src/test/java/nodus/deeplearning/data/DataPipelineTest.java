package nodus.deeplearning.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.deeplearning.SyntheticStudy;
import nodus.imaging.GrayImage;
import nodus.imaging.Mask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ROI crop → [−1, 1] → nearest resize, hand-checked; augmentation and order reproducible from the seed. */
class DataPipelineTest {

    @TempDir
    Path tmp;

    @Test
    void cropsTheLargestLesionScalesToMinusOneOneAndResizesNearest() {
        // 6×4 image; lesion = columns 2..3 of rows 1..2 (largest), a 1-pixel decoy at (0, 0).
        double[] px = {
            9, 0, 0, 0, 0, 0,
            0, 0, 10, 20, 0, 0,
            0, 0, 30, 40, 0, 0,
            0, 0, 0, 0, 0, 0};
        boolean[] in = new boolean[24];
        in[0] = true;
        in[8] = in[9] = in[14] = in[15] = true;
        float[] out = RoiPreprocessor.prepare(GrayImage.of(6, 4, px), new Mask(6, 4, in), 4, 0);
        // ROI [[10, 20], [30, 40]] → min–max → [[−1, −1/3], [1/3, 1]], each pixel repeated 2×2 by nearest.
        float a = -1f;
        float b = (float) (2 * (20 - 10) / 30.0 - 1);
        float c = (float) (2 * (30 - 10) / 30.0 - 1);
        float d = 1f;
        assertThat(out).containsExactly(
                a, a, b, b,
                a, a, b, b,
                c, c, d, d,
                c, c, d, d);
    }

    @Test
    void augmentationIsAFunctionOfTheSeedAndKeepsValuesInRange() {
        float[] img = new float[16 * 16];
        for (int i = 0; i < img.length; i++) {
            img[i] = (i % 16) / 15f * 2 - 1;
        }
        long seed = Augmenter.seedFor(42, 3, 7);
        assertThat(Augmenter.augment(img, 16, seed)).containsExactly(Augmenter.augment(img, 16, seed));
        assertThat(Augmenter.seedFor(42, 3, 7)).isNotEqualTo(Augmenter.seedFor(42, 4, 7));
        for (float v : Augmenter.augment(img, 16, seed)) {
            assertThat(v).isBetween(-1f, 1f);
        }
    }

    @Test
    void datasetOrdersTrainingCasesBySeedAndEpochAndRepeatsGreyIntoThreeChannels() {
        StudyData study = SyntheticStudy.write(tmp, 2, 40, 1);
        List<StudyCase> train = study.part(StudyCase.Part.TRAIN);
        CaseImageCache cache = new CaseImageCache(16, 2);
        SplitPartDataset a = new SplitPartDataset(train, cache, true, true, 5, 4);
        SplitPartDataset b = new SplitPartDataset(train, cache, true, true, 5, 4);
        assertThat(a.order(2)).containsExactly(b.order(2));
        assertThat(a.order(2)).isNotEqualTo(a.order(3));
        assertThat(a.order(2)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7);
        SplitPartDataset plain = new SplitPartDataset(train, cache, false, false, 5, 4);
        assertThat(plain.order(9)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        float[] x = plain.image(0);
        assertThat(x).hasSize(3 * 16 * 16);
        for (int i = 0; i < 256; i++) {
            assertThat(x[256 + i]).isEqualTo(x[i]);
            assertThat(x[512 + i]).isEqualTo(x[i]);
        }
        assertThat(cache.get(train.get(0))).isSameAs(cache.get(train.get(0)));
    }
}
