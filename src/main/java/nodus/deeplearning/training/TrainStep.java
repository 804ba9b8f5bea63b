package nodus.deeplearning.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.backbone.Backbone;

/**
 * One training step exactly as a fine-tuning run executes it: forward in training mode (or, with a frozen trunk,
 * the trunk in evaluation mode and only the head in training mode), mean softmax cross-entropy, backward, one
 * {@link Sgd} update. Shared by {@link FineTuner} and the throughput benchmark, so the benchmark measures the code
 * a run executes rather than DJL's generic {@code Trainer} (which copies every gradient before its optimiser and
 * scans every live array to zero gradients: ≈ 50 ms per ResNet50 step, profiled).
 */
public final class TrainStep {

    /** What a step leaves for the caller; both arrays live in the step's manager. */
    public record Output(NDArray logits, NDArray loss) {
    }

    private final Engine engine;
    private final Backbone net;
    private final ParameterStore ps;
    private final Map<String, Parameter> params;
    private final Sgd sgd;
    private final ToDoubleFunction<String> lrOf;
    private final boolean frozenTrunk;
    private final int classes;

    TrainStep(Backbone net, ParameterStore ps, Sgd sgd, ToDoubleFunction<String> lrOf, boolean frozenTrunk) {
        this.engine = DjlEnvironment.engine();
        this.net = net;
        this.ps = ps;
        this.params = net.torchParameters(false);
        this.sgd = sgd;
        this.lrOf = lrOf;
        this.frozenTrunk = frozenTrunk;
        this.classes = net.numClasses();
    }

    /**
     * Full fine-tuning with one learning rate for every parameter, as {@code torch.optim.SGD(model.parameters(),
     * lr, momentum)}; the momentum buffers live in {@code state}.
     */
    public static TrainStep fullSgd(Backbone net, NDManager state, double lr, double momentum) {
        return new TrainStep(net, new ParameterStore(state, false), new Sgd(state, momentum, 0), n -> lr, false);
    }

    /**
     * Allocates the gradients and momentum buffers now rather than inside the first step (see {@link Sgd#prepare}):
     * a backward pass of Σ 0·w gives every trainable parameter a zero gradient.
     */
    public TrainStep prepare(NDManager scratch) {
        try (NDManager m = scratch.newSubManager()) {
            NDArray total = null;
            try (GradientCollector gc = engine.newGradientCollector()) {
                for (Parameter p : params.values()) {
                    NDArray w = p.getArray();
                    if (w.hasGradient()) {
                        // an op's result joins its first operand's manager (the weights'): move each temporary
                        // to the scratch manager so that closing it frees them
                        NDArray sum = w.sum();
                        sum.attach(m);
                        NDArray term = sum.mul(0f);
                        term.attach(m);
                        if (total == null) {
                            total = term;
                        } else {
                            total = total.add(term);
                            total.attach(m);
                        }
                    }
                }
                if (total != null) {
                    gc.backward(total);
                }
            }
        }
        sgd.prepare(params);
        return this;
    }

    /**
     * Runs one step on a batch.
     *
     * @param step   manager that receives every temporary of the step; the caller closes it
     * @param images [N, 3, H, W] float32
     * @param labels [N] class indices as float32
     */
    public Output run(NDManager step, NDArray images, NDArray labels) {
        NDArray logits;
        NDArray loss;
        try (GradientCollector gc = engine.newGradientCollector()) {
            logits = logits(images);
            loss = FineTuner.crossEntropy(logits, labels, classes);
            gc.backward(loss);
        }
        sgd.step(params, lrOf, step);
        return new Output(logits, loss);
    }

    /**
     * Training-mode logits. A frozen trunk is a fixed feature extractor: it runs in evaluation mode (BatchNorm's
     * running statistics, no dropout) and only the head runs in training mode — otherwise dropout in VGG19's and
     * Inception-v3's trunk would keep re-drawing the features the head is fitted to, and BatchNorm would keep
     * updating statistics of layers that are meant to stay as they are.
     */
    private NDArray logits(NDArray x) {
        if (!frozenTrunk) {
            return net.forward(ps, new NDList(x), true).singletonOrThrow();
        }
        NDArray features = net.penultimate(ps, net.lastConvMap(ps, x, false), false);
        return net.head(ps, features, true);
    }
}
