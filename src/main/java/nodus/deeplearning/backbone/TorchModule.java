package nodus.deeplearning.backbone;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DJL block that, like a {@code torch.nn.Module}, names its children and so gives every parameter its PyTorch
 * dotted name ({@code layer1.0.conv1.weight}). DJL prefixes child names with a counter ({@code 01conv1}), so the
 * PyTorch names are kept here, in registration order, which is also {@code named_parameters()} order.
 *
 * <p>Leaf layers ({@link Conv}, {@link BatchNorm2d}, {@link Dense}) declare their parameter shapes when built, as
 * PyTorch does, so initialisation needs no shape inference and composites simply initialise every child.
 */
public abstract class TorchModule extends AbstractBlock {

    private final List<Map.Entry<String, Block>> named = new ArrayList<>();

    /** Registers a child under its PyTorch attribute name (order matters: it is the state-dict order). */
    protected final <B extends Block> B module(String name, B block) {
        named.add(Map.entry(name, block));
        return addChildBlock(name, block);
    }

    /** Replaces a registered child in place (same position, so names and order stay torchvision's). */
    protected final void replaceModule(String name, Block block) {
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i).getKey().equals(name)) {
                named.set(i, Map.entry(name, block));
                String key = String.format(Locale.ROOT, "%02d%s", i + 1, name);
                int at = children.indexOf(key);
                children.remove(at);
                children.add(at, key, block);
                return;
            }
        }
        throw new IllegalArgumentException("no child module " + name);
    }

    /** Children by PyTorch name, in registration order. */
    public final List<Map.Entry<String, Block>> namedChildren() {
        return Collections.unmodifiableList(named);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // Parameter shapes are fixed at construction (see class comment); the input shape only matters to DJL's
        // bookkeeping, so every child receives the block's own input shape.
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": run a forward pass for shapes");
    }

    /**
     * Every parameter under its PyTorch name, in {@code state_dict()} order.
     *
     * @param withBuffers include batch-norm running statistics ({@code running_mean}, {@code running_var}), which
     *                    PyTorch lists in {@code state_dict()} but not in {@code named_parameters()}
     */
    public final LinkedHashMap<String, Parameter> torchParameters(boolean withBuffers) {
        LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
        collect("", this, withBuffers, out);
        return out;
    }

    private static void collect(String prefix, Block block, boolean withBuffers, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            if (withBuffers || !isBuffer(p.getValue())) {
                out.put(prefix + p.getKey(), p.getValue());
            }
        }
        if (block instanceof TorchModule module) {
            for (Map.Entry<String, Block> child : module.named) {
                collect(prefix + child.getKey() + ".", child.getValue(), withBuffers, out);
            }
        }
    }

    /** Running statistics are buffers in PyTorch: state-dict entries without gradients. */
    public static boolean isBuffer(Parameter p) {
        return p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR;
    }
}
