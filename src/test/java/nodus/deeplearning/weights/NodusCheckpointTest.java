package nodus.deeplearning.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.TestSupport;
import nodus.deeplearning.backbone.Architecture;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.backbone.Backbones;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trip of the Nodus checkpoint, and refusal of a damaged parameter file. */
class NodusCheckpointTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        TestSupport.djl();
    }

    @Test
    void roundTripGivesTheSameNetwork() throws Exception {
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            Backbone b = Backbones.create(Architecture.RESNET50, 2, 42);
            Backbones.initialize(b, m);
            Path manifest = NodusCheckpoint.save(b, false, tmp, "r50", WeightsProvenance.seeded(42));
            assertThat(Files.readString(manifest)).contains("\"layer4.2.bn3.running_var\"", FORMAT_TAG);

            NodusCheckpoint.Loaded back = NodusCheckpoint.load(manifest, m);
            assertThat(back.backbone().numClasses()).isEqualTo(2);
            assertThat(back.origin().format()).isEqualTo("seeded-init");
            assertThat(back.provenance().sha256()).hasSize(64);
            NDArray x = m.create(TestSupport.referenceImage(64), new Shape(1, 3, 64, 64));
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = b.forward(ps, new ai.djl.ndarray.NDList(x), false).singletonOrThrow().toFloatArray();
            float[] c = back.backbone().forward(ps, new ai.djl.ndarray.NDList(x), false).singletonOrThrow()
                    .toFloatArray();
            assertThat(c).containsExactly(a);

            // One flipped byte: refused by the hash check, naming the file.
            Path params = tmp.resolve("r50.params");
            byte[] bytes = Files.readAllBytes(params);
            bytes[bytes.length / 2] ^= 1;
            Files.write(params, bytes);
            assertThatThrownBy(() -> NodusCheckpoint.load(manifest, m))
                    .isInstanceOf(WeightsException.class).hasMessageContaining("r50.params: SHA-256");
        }
    }

    private static final String FORMAT_TAG = NodusCheckpoint.FORMAT;
}
