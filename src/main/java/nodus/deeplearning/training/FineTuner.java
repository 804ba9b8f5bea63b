package nodus.deeplearning.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.backbone.Backbones;
import nodus.deeplearning.backbone.ChannelsLast;
import nodus.deeplearning.data.Augmenter;
import nodus.deeplearning.data.CaseImageCache;
import nodus.deeplearning.data.RoiPreprocessor;
import nodus.deeplearning.data.SplitPartDataset;
import nodus.deeplearning.weights.NodusCheckpoint;
import nodus.deeplearning.weights.TorchvisionWeights;
import nodus.deeplearning.weights.WeightsProvenance;

/**
 * Fine-tunes one backbone on a study's training part, selecting weights on the validation AUC, checkpointing
 * every epoch, and finally predicting every case of every part (issue 7).
 *
 * <p>Determinism: initialisation, data order, augmentation and dropout are functions of (seed, epoch), and the
 * SGD momentum buffers are checkpointed with the weights, so a run resumed from its last checkpoint ends with
 * the same weights as one that was never interrupted (libtorch's CPU kernels are deterministic for a fixed
 * thread count).
 *
 * <p>Memory: every batch runs in its own NDManager closed at the end of the batch (issue 6: a Block keeps its
 * intermediate arrays until its manager closes).
 */
public final class FineTuner {

    private final FineTuneSpec spec;
    private final StudyData data;
    private final Checkpoints checkpoints;
    private final boolean resume;
    private final TrainingListener listener;
    private final int marginPx;
    private final java.util.function.IntBinaryOperator arrayProbe;
    private final boolean keepResumeState;

    private FineTuner(Builder b) {
        this.keepResumeState = b.keepResumeState;
        this.arrayProbe = b.arrayProbe;
        this.spec = b.spec;
        this.data = b.data;
        this.checkpoints = new Checkpoints(b.checkpointDir);
        this.resume = b.resume;
        this.listener = b.listener;
        this.marginPx = b.marginPx;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trains (or resumes) and predicts; throws whatever {@link TrainingListener#checkCancelled()} throws. */
    public FineTuneResult run() throws IOException {
        Engine engine = DjlEnvironment.engine();
        int classes = data.classNames().size();
        CaseImageCache cache = new CaseImageCache(spec.imageSize(), marginPx);
        SplitPartDataset train = new SplitPartDataset(data.part(StudyCase.Part.TRAIN), cache, spec.augmentation(),
                true,
                spec.seed(), spec.batchSize());
        SplitPartDataset val = new SplitPartDataset(data.part(StudyCase.Part.VALIDATION), cache, false, false,
                spec.seed(),
                spec.batchSize());
        if (train.cases().size() < 2) {
            throw new IllegalArgumentException("the training part needs at least 2 cases, has "
                    + train.cases().size());
        }
        Files.createDirectories(checkpoints.dir());
        // libtorch's grad mode is per thread and ON in a new thread (e.g. a JobRunr worker); DJL switches it off
        // only on the thread that loaded the engine. SGD updates leaf tensors that require grad in place, which
        // libtorch refuses in grad mode ("a leaf Variable that requires grad is being used in an in-place
        // operation"): switch it off; each GradientCollector switches it on for its forward/backward only.
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        try (NDManager root = engine.newBaseManager()) {
            Checkpoints.State state = resume ? checkpoints.readState().orElse(null) : null;
            if (state != null && !state.specJson().equals(spec.toJson())) {
                throw new IllegalStateException("the checkpoint in " + checkpoints.dir()
                        + " was written for another spec; refusing to resume");
            }
            Backbone net;
            WeightsProvenance origin;
            NDManager state0 = root.newSubManager();
            Sgd sgd = new Sgd(state0, spec.momentum(), spec.weightDecay());
            if (state != null) {
                NodusCheckpoint.Loaded l = NodusCheckpoint.load(checkpoints.lastModel(), root);
                net = l.backbone();
                origin = l.origin();
                checkpoints.loadOptimizer(sgd);
            } else {
                state = new Checkpoints.State(0, Double.NaN, 0, 0, spec.toJson());
                Start s = start(root, classes);
                net = s.net();
                origin = s.origin();
            }
            int resumedFrom = state.epochsDone();
            // NHWC convolutions for the architectures whose training is faster so (ResNet50/101, see
            // ChannelsLast); before anything holds the weights' arrays: freezing flags, gradients, momentum buffers
            ChannelsLast.convert(net);
            net.freezeTrunk(spec.freezeBackbone());
            String headPrefix = net.headName() + ".";
            ParameterStore ps = new ParameterStore(root, false);
            TrainStep trainStep = new TrainStep(net, ps, sgd,
                    n -> n.startsWith(headPrefix) ? spec.lr() : spec.lr() * spec.backboneLrFactor(),
                    spec.freezeBackbone()).prepare(root);
            int batches = batchCount(train.cases().size());
            long started = System.nanoTime();
            long dataNanos = 0;
            long computeNanos = 0;
            int batchesDone = 0;
            int plannedBatches = (spec.epochs() - state.epochsDone()) * batches;
            boolean stoppedEarly = false;
            for (int epoch = state.epochsDone(); epoch < spec.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                long data0 = train.nanosPreparing();
                long compute0 = computeNanos;
                // Dropout (VGG19, Inception-v3) draws from the engine's generator: reseed it per epoch.
                engine.setRandomSeed((int) Augmenter.seedFor(spec.seed(), epoch, -2));
                train.setEpoch(epoch);
                int[] order = train.order(epoch);
                double lossSum = 0;
                int seen = 0;
                float[][] trainProbs = new float[order.length][];
                int[] trainLabels = new int[order.length];
                for (int b = 0; b < batches; b++) {
                    listener.checkCancelled();
                    int from = b * spec.batchSize();
                    int to = b == batches - 1 ? order.length : from + spec.batchSize();
                    int[] idx = java.util.Arrays.copyOfRange(order, from, to);
                    try (NDManager sub = root.newSubManager()) {
                        NDList batch = train.batch(sub, idx);
                        long c0 = System.nanoTime();
                        TrainStep.Output out = trainStep.run(sub, batch.get(0), batch.get(1));
                        float[] p = out.logits().softmax(1).toFloatArray();
                        lossSum += out.loss().getFloat() * idx.length;
                        computeNanos += System.nanoTime() - c0;
                        for (int i = 0; i < idx.length; i++) {
                            trainProbs[seen + i] = java.util.Arrays.copyOfRange(p, i * classes, (i + 1) * classes);
                            trainLabels[seen + i] = train.cases().get(idx[i]).label();
                        }
                        seen += idx.length;
                    }
                    batchesDone++;
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    listener.onProgress(new TrainingProgress(epoch + 1, spec.epochs(), b + 1, batches, elapsed,
                            elapsed / batchesDone * (plannedBatches - batchesDone)));
                }
                dataNanos += train.nanosPreparing() - data0;
                Map<String, Double> m = new LinkedHashMap<>();
                m.put("train_loss", lossSum / seen);
                m.put("train_accuracy", accuracy(java.util.Arrays.copyOf(trainProbs, seen),
                        java.util.Arrays.copyOf(trainLabels, seen)));
                m.put("train_auc", Auc.ofProbabilities(java.util.Arrays.copyOf(trainProbs, seen),
                        java.util.Arrays.copyOf(trainLabels, seen)));
                double valAuc = Double.NaN;
                if (!val.cases().isEmpty()) {
                    long v0 = val.nanosPreparing();
                    long c0 = System.nanoTime();
                    Evaluation e = evaluate(net, ps, root, val, classes, false);
                    long valData = val.nanosPreparing() - v0;
                    dataNanos += valData;
                    computeNanos += System.nanoTime() - c0 - valData;
                    valAuc = Auc.ofProbabilities(e.probabilities(), e.labels());
                    m.put("val_loss", e.loss());
                    m.put("val_accuracy", accuracy(e.probabilities(), e.labels()));
                    m.put("val_auc", valAuc);
                }
                int done = epoch + 1;
                boolean better = !Double.isNaN(valAuc) && (Double.isNaN(state.bestAuc()) || valAuc > state.bestAuc());
                state = better ? new Checkpoints.State(done, valAuc, done, 0, state.specJson())
                        : new Checkpoints.State(done, state.bestAuc(), state.bestEpoch(), state.sinceBest() + 1,
                                state.specJson());
                if (better) {
                    checkpoints.saveBest(net, origin);
                }
                checkpoints.saveLast(net, origin, sgd, state);
                long trainCompute = computeNanos - compute0;
                double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
                m.put("epoch_seconds", epochSeconds);
                // Where the epoch went: preparing training batches vs forward/backward/SGD of training and the
                // validation pass (the rest is checkpoint writing).
                m.put("data_seconds", (train.nanosPreparing() - data0) / 1e9);
                m.put("compute_seconds", trainCompute / 1e9);
                m.values().removeIf(v -> v.isNaN());
                listener.onEpoch(done, m);
                if (arrayProbe != null && root instanceof ai.djl.ndarray.BaseNDManager base) {
                    // Arrays alive in the run's managers: must not grow from epoch to epoch (tested).
                    arrayProbe.applyAsInt(done, base.getManagedArrays().size());
                }
                if (spec.earlyStoppingPatience() > 0 && state.bestEpoch() > 0
                        && state.sinceBest() >= spec.earlyStoppingPatience()) {
                    stoppedEarly = done < spec.epochs();
                    break;
                }
            }
            // Predict with the selected weights.
            Path selected = state.bestEpoch() > 0 && checkpoints.hasBest() ? checkpoints.bestModel()
                    : checkpoints.lastModel();
            int selectedEpoch = state.bestEpoch() > 0 ? state.bestEpoch() : state.epochsDone();
            List<FineTuneResult.CaseOutput> outputs = new ArrayList<>();
            String sha;
            try (NDManager predict = root.newSubManager()) {
                NodusCheckpoint.Loaded loaded = NodusCheckpoint.load(selected, predict);
                Backbone best = loaded.backbone();
                // stays contiguous: channels-last gave extraction no speed, only more peak memory (see ChannelsLast)
                sha = loaded.provenance().sha256();
                ParameterStore bps = new ParameterStore(predict, false);
                for (StudyCase.Part part : StudyCase.Part.values()) {
                    SplitPartDataset ds = new SplitPartDataset(data.part(part), cache, false, false,
                spec.seed(),
                            spec.batchSize());
                    if (ds.cases().isEmpty()) {
                        continue;
                    }
                    Evaluation e = evaluate(best, bps, predict, ds, classes, true);
                    for (int i = 0; i < ds.cases().size(); i++) {
                        StudyCase c = ds.cases().get(i);
                        outputs.add(new FineTuneResult.CaseOutput(c.caseId(), part, c.label(), e.probabilities()[i],
                                e.features()[i]));
                    }
                }
            }
            state0.close();
            String lastSha = checkpoints.lastSha256();
            if (!keepResumeState && selected.equals(checkpoints.bestModel())) {
                // The run is over: last/ (final weights + SGD momentum, 2× the network — 1.1 GB for VGG19) only
                // served resuming. The selected network in best/ stays for prediction, Grad-CAM and export.
                checkpoints.discardLast();
            }
            return new FineTuneResult(outputs, state.epochsDone(), selectedEpoch, state.bestAuc(), stoppedEarly,
                    origin, selected, sha, dataNanos / 1e9, computeNanos / 1e9, resumedFrom, lastSha);
        }
    }

    /** Batches per epoch; a last batch of one case is merged into the one before (BatchNorm needs ≥ 2). */
    int batchCount(int n) {
        int b = (n + spec.batchSize() - 1) / spec.batchSize();
        if (b > 1 && n % spec.batchSize() == 1) {
            b--;
        }
        return b;
    }

    private record Start(Backbone net, WeightsProvenance origin) {
    }

    /** A new network: seeded initialisation, then the spec's pretrained weights if any. */
    private Start start(NDManager root, int classes) throws IOException {
        if (spec.weights() == null) {
            Backbone net = Backbones.create(spec.architecture(), classes, spec.seed());
            Backbones.initialize(net, root);
            return new Start(net, WeightsProvenance.seeded(spec.seed()));
        }
        Path w = Path.of(spec.weights());
        String name = w.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            NodusCheckpoint.Loaded l = NodusCheckpoint.load(w, root);
            Backbone net = l.backbone();
            if (net.architecture() != spec.architecture()) {
                throw new IllegalArgumentException(w + " holds a " + net.architecture().torchvisionName()
                        + ", the spec asks for " + spec.backbone());
            }
            if (net.numClasses() != classes) {
                net.replaceHead(classes, spec.seed());
                Backbones.initializeHead(net, root);
            }
            return new Start(net, l.provenance());
        }
        if (name.endsWith(".pth")) {
            Backbone net = Backbones.create(spec.architecture(), classes, spec.seed());
            Backbones.initialize(net, root);
            return new Start(net, TorchvisionWeights.load(net, w).provenance());
        }
        throw new IllegalArgumentException("weights " + w + ": expected a torchvision state dict (.pth) or a "
                + "Nodus checkpoint (.json)");
    }

    /** Mean softmax cross-entropy, −(1/N) Σ log softmax(z_i)[y_i], in nats. */
    static NDArray crossEntropy(NDArray logits, NDArray labels, int classes) {
        return logits.logSoftmax(1).mul(labels.oneHot(classes)).sum(new int[] {1}).mean().neg();
    }

    private record Evaluation(float[][] probabilities, int[] labels, float[][] features, double loss) {
    }

    /** Evaluation-mode pass over a part, one sub-manager per batch. */
    private Evaluation evaluate(Backbone net, ParameterStore ps, NDManager parent, SplitPartDataset ds, int classes,
                                boolean withFeatures) {
        int n = ds.cases().size();
        float[][] probs = new float[n][];
        float[][] feats = withFeatures ? new float[n][] : null;
        int[] labels = new int[n];
        double lossSum = 0;
        for (int from = 0; from < n; from += spec.batchSize()) {
            listener.checkCancelled();
            int to = Math.min(n, from + spec.batchSize());
            int[] idx = new int[to - from];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = from + i;
            }
            try (NDManager sub = parent.newSubManager()) {
                NDList batch = ds.batch(sub, idx);
                NDArray f = net.penultimate(ps, net.lastConvMap(ps, batch.get(0), false), false);
                NDArray logits = net.head(ps, f, false);
                lossSum += crossEntropy(logits, batch.get(1), classes).getFloat() * idx.length;
                float[] p = logits.softmax(1).toFloatArray();
                float[] fv = withFeatures ? f.toFloatArray() : null;
                int dim = withFeatures ? fv.length / idx.length : 0;
                for (int i = 0; i < idx.length; i++) {
                    probs[from + i] = java.util.Arrays.copyOfRange(p, i * classes, (i + 1) * classes);
                    labels[from + i] = ds.cases().get(from + i).label();
                    if (withFeatures) {
                        feats[from + i] = java.util.Arrays.copyOfRange(fv, i * dim, (i + 1) * dim);
                    }
                }
            }
        }
        return new Evaluation(probs, labels, feats, lossSum / n);
    }

    private static double accuracy(float[][] probs, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int arg = 0;
            for (int c = 1; c < probs[i].length; c++) {
                if (probs[i][c] > probs[i][arg]) {
                    arg = c;
                }
            }
            right += arg == labels[i] ? 1 : 0;
        }
        return labels.length == 0 ? Double.NaN : right / (double) labels.length;
    }

    /** Builder: {@code set*} required, {@code opt*} optional. */
    public static final class Builder {
        private FineTuneSpec spec;
        private StudyData data;
        private Path checkpointDir;
        private boolean resume;
        private TrainingListener listener = new TrainingListener() {
        };
        private int marginPx = RoiPreprocessor.DEFAULT_MARGIN_PX;
        private java.util.function.IntBinaryOperator arrayProbe;
        private boolean keepResumeState;

        /** Test hook: after each epoch, (epoch, number of live NDArrays in the run's managers). */
        Builder optArrayProbe(java.util.function.IntBinaryOperator probe) {
            this.arrayProbe = probe;
            return this;
        }

        public Builder setSpec(FineTuneSpec spec) {
            this.spec = spec;
            return this;
        }

        public Builder setData(StudyData data) {
            this.data = data;
            return this;
        }

        /** Where {@code last/} and {@code best/} are kept ({@code <data home>/runs/<id>/checkpoints}). */
        public Builder setCheckpointDir(Path dir) {
            this.checkpointDir = dir;
            return this;
        }

        /** Continue from the last checkpoint if there is one (else start afresh). */
        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        /**
         * Keep {@code last/} (the final weights and SGD momentum) after the run has ended, e.g. to continue
         * training it later. By default it is deleted once the run has predicted with {@code best/}.
         */
        public Builder optKeepResumeState(boolean keep) {
            this.keepResumeState = keep;
            return this;
        }

        public Builder optListener(TrainingListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder optMarginPx(int marginPx) {
            this.marginPx = marginPx;
            return this;
        }

        public FineTuner build() {
            if (spec == null || data == null || checkpointDir == null) {
                throw new IllegalStateException("spec, data and checkpoint folder are required");
            }
            return new FineTuner(this);
        }
    }
}
