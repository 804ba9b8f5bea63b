package nodus.deeplearning.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import java.util.List;
import java.util.SplittableRandom;
import nodus.cohort.study.StudyCase;

/**
 * A DJL dataset over one part of a split: image [3, S, S] (the grey ROI repeated into 3 channels) and label.
 * Augmentation, when on (training part only), is drawn from (seed, epoch, case index) — see {@link Augmenter} —
 * and the training order of an epoch from (seed, epoch) by {@link #order(int)}: data order and augmentation
 * need no saved random state to resume.
 *
 * <p>The trainer builds its batches with {@link #batch}, in a per-batch NDManager; {@link #get} serves DJL's own
 * iteration ({@code getData}) with the current epoch's augmentation.
 */
public final class SplitPartDataset extends RandomAccessDataset {

    private final List<StudyCase> cases;
    private final CaseImageCache cache;
    private final boolean augment;
    private final boolean shuffle;
    private final long seed;
    private volatile int epoch;
    private long nanosPreparing;

    /**
     * @param augment flips and rotations (use only for the training part)
     * @param shuffle a new seeded order every epoch (the training part)
     */
    public SplitPartDataset(List<StudyCase> cases, CaseImageCache cache, boolean augment, boolean shuffle, long seed,
                            int batchSize) {
        super(new Sampling().setSampling(batchSize, false));
        this.cases = List.copyOf(cases);
        this.cache = cache;
        this.augment = augment;
        this.shuffle = shuffle;
        this.seed = seed;
    }

    /** DJL's builder only carries the sampling here (sequential batches; the trainer orders by {@link #order}). */
    private static final class Sampling extends BaseBuilder<Sampling> {
        @Override
        protected Sampling self() {
            return this;
        }
    }

    public List<StudyCase> cases() {
        return cases;
    }

    public int imageSize() {
        return cache.size();
    }

    /** Sets the epoch whose augmentation {@link #get} and {@link #batch} draw (0-based). */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    /** The case order of an epoch: a seeded Fisher–Yates shuffle when shuffling (training), else as listed. */
    public int[] order(int epoch) {
        int[] idx = new int[cases.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        if (shuffle) {
            SplittableRandom r = new SplittableRandom(Augmenter.seedFor(seed, epoch, -1));
            for (int i = idx.length - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
        }
        return idx;
    }

    /** One input image as float[3·S·S] (channels repeated), augmented if this dataset augments. */
    float[] image(int index) {
        int s = cache.size();
        float[] grey = cache.get(cases.get(index));
        if (augment) {
            grey = Augmenter.augment(grey, s, Augmenter.seedFor(seed, epoch, index));
        }
        float[] rgb = new float[3 * s * s];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(grey, 0, rgb, c * s * s, s * s);
        }
        return rgb;
    }

    /** A batch of the given case indices: {@code [x [k,3,S,S] float32, y [k] int32 labels]} in {@code manager}. */
    public NDList batch(NDManager manager, int[] indices) {
        long t0 = System.nanoTime();
        int s = cache.size();
        int per = 3 * s * s;
        float[] x = new float[indices.length * per];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(image(indices[i]), 0, x, i * per, per);
            y[i] = cases.get(indices[i]).label();
        }
        NDList out = new NDList(manager.create(x, new Shape(indices.length, 3, s, s)), manager.create(y));
        nanosPreparing += System.nanoTime() - t0;
        return out;
    }

    /** Time spent decoding, preparing, augmenting and copying images into batches so far (ns). */
    public long nanosPreparing() {
        return nanosPreparing;
    }

    @Override
    public Record get(NDManager manager, long index) {
        int s = cache.size();
        NDArray x = manager.create(image(Math.toIntExact(index)), new Shape(3, s, s));
        NDArray y = manager.create(cases.get(Math.toIntExact(index)).label());
        return new Record(new NDList(x), new NDList(y));
    }

    @Override
    protected long availableSize() {
        return cases.size();
    }

    @Override
    public void prepare(Progress progress) {
        cases.forEach(cache::get);
    }
}
