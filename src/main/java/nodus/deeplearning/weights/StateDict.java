package nodus.deeplearning.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PyTorch state dict read in Java: entries in file order, and where they came from.
 *
 * @param tensors    name → tensor, in the file's order
 * @param provenance the file's SHA-256 and source
 */
public record StateDict(Map<String, TorchTensor> tensors, WeightsProvenance provenance) {

    public StateDict {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        if (provenance == null) {
            throw new IllegalArgumentException("provenance is required");
        }
    }

    public TorchTensor get(String name) {
        return tensors.get(name);
    }
}
