package nodus.deeplearning;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.backbone.Backbones;
import nodus.deeplearning.backbone.ChannelsLast;
import nodus.deeplearning.training.TrainStep;

/**
 * Measures one backbone in this JVM: training (forward, cross-entropy, backward, SGD step on every parameter) or
 * feature extraction (penultimate features, evaluation mode, no gradients), images/s over timed batches after
 * warm-up, and the process's peak resident memory (VmHWM, the kernel's high-water mark of the resident set — the
 * same quantity as Python's {@code resource.getrusage(RUSAGE_SELF).ru_maxrss}, which the PyTorch reference script
 * docs/benchmarks/backbones_pytorch.py reports). Peak memory is per process, so each (backbone, mode) needs a fresh
 * JVM — the CLI command does that. Each batch runs in its own NDManager, closed after the batch, and the networks
 * close every intermediate as soon as it is consumed (a Block model otherwise keeps every intermediate array
 * alive until its manager closes: probe, issue 6). The input batch is made once and reused, as the PyTorch script
 * does, so the figures measure the network, not the data path.
 */
public final class BackboneBenchmark {

    /** What to measure. */
    public enum Mode { TRAIN, EXTRACT }

    /**
     * One measurement.
     *
     * @param imagesPerSecond batch · timed batches / wall seconds of the timed batches
     * @param setupRssMiB     resident set (VmRSS) once the engine is loaded and the model and its parameters
     *                        exist (for training also the gradients and momentum buffers, allocated by
     *                        {@code TrainStep.prepare}), before the first batch, MiB — the fixed part (JVM,
     *                        libtorch, weights); −1 where /proc is unavailable
     * @param peakRssMiB      VmHWM of this process at the end, MiB (−1 where /proc is unavailable)
     */
    public record Result(Architecture architecture, Mode mode, int size, int batch, int batches,
                         double imagesPerSecond, double setupRssMiB, double peakRssMiB) {

        /** One machine-readable line, parsed back by the CLI. */
        public String line() {
            return String.format(Locale.ROOT, "RESULT %s %s %d %d %d %.4f %.1f %.1f",
                    architecture.torchvisionName(), mode, size, batch, batches, imagesPerSecond, setupRssMiB,
                    peakRssMiB);
        }

        public static Result parse(String line) {
            String[] f = line.trim().split(" ");
            if (f.length != 9 || !f[0].equals("RESULT")) {
                throw new IllegalArgumentException("not a benchmark result line: " + line);
            }
            return new Result(Architecture.parse(f[1]), Mode.valueOf(f[2]), Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]), Integer.parseInt(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]));
        }
    }

    private BackboneBenchmark() {
    }

    /** Runs {@code warmup} untimed then {@code batches} timed batches of random images (seeded). */
    public static Result run(Architecture arch, Mode mode, int batch, int warmup, int batches) {
        if (batch < 1 || warmup < 0 || batches < 1) {
            throw new IllegalArgumentException("batch ≥ 1, warmup ≥ 0, batches ≥ 1 required");
        }
        DjlEnvironment.engine();
        int size = arch.inputSize();
        Shape shape = new Shape(batch, 3, size, size);
        float[] pixels = new float[Math.toIntExact(shape.size())];
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rnd.nextDouble(-2, 2);
        }
        float[] labels = new float[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = i % 2;
        }
        Backbone net = Backbones.create(arch, 2, 7);
        try (Model model = Model.newInstance("bench-" + arch.torchvisionName(), DjlEnvironment.ENGINE);
             NDManager data = model.getNDManager().newSubManager()) {
            model.setBlock(net);
            NDArray x = data.create(pixels, shape);
            NDArray y = data.create(labels);
            double seconds;
            double setup;
            if (mode == Mode.TRAIN) {
                // The fine-tuner's own step (TrainStep: forward, cross-entropy, backward, torch-style SGD with
                // momentum 0.9 on every parameter), so the figure is what a run executes.
                Backbones.initialize(net, model.getNDManager());
                ChannelsLast.convert(net);
                TrainStep train = TrainStep.fullSgd(net, model.getNDManager(), 1e-3, 0.9).prepare(data);
                setup = rssMiB("VmRSS:");
                seconds = timed(warmup, batches, () -> trainStep(train, x, y));
            } else {
                Backbones.initialize(net, model.getNDManager());
                net.freezeParameters(true);
                ParameterStore ps = new ParameterStore(model.getNDManager(), false);
                setup = rssMiB("VmRSS:");
                seconds = timed(warmup, batches, () -> extract(net, ps, x));
            }
            return new Result(arch, mode, size, batch, batches, batch * batches / seconds, setup, peakRssMiB());
        }
    }

    private static double timed(int warmup, int batches, Runnable step) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            step.run();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** One step; everything it creates lives in a per-step manager that is closed before the next step. */
    private static void trainStep(TrainStep train, NDArray x, NDArray y) {
        try (NDManager step = x.getManager().newSubManager()) {
            x.tempAttach(step);
            y.tempAttach(step);
            train.run(step, x, y).loss().getFloat(); // waits for the step, as reading the loss in a run does
        }
    }

    /** Penultimate features, outside any GradientCollector and with frozen parameters: no autograd graph. */
    private static void extract(Backbone net, ParameterStore ps, NDArray x) {
        try (NDManager step = x.getManager().newSubManager()) {
            x.tempAttach(step);
            NDArray map = net.lastConvMap(ps, x, false);
            NDArray features = net.penultimate(ps, map, false);
            map.close();
            features.toFloatArray(); // forces the computation and copies the features out, as a caller would
        }
    }

    /** VmHWM (peak resident set) from /proc/self/status in MiB, or −1 if unavailable (not Linux). */
    public static double peakRssMiB() {
        return rssMiB("VmHWM:");
    }

    private static double rssMiB(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(field)) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
