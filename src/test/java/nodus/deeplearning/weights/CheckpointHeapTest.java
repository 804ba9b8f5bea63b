package nodus.deeplearning.weights;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The heap guard before a checkpoint write, with VGG19's largest tensor (classifier.0.weight, 4096 × 25088
 * floats).
 */
class CheckpointHeapTest {

    private static final long VGG19_FC6_BYTES = 4096L * 25088 * 4; // 411 MB

    @Test
    void vgg19CheckpointIsRefusedWithAOneGigabyteHeapAndNamesTheFix() {
        assertThatThrownBy(() -> NodusCheckpoint.requireHeap("vgg19", "classifier.0.weight", VGG19_FC6_BYTES,
                1L << 30))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot write a vgg19 checkpoint with a 1024 MiB Java heap: classifier.0.weight (392 MiB)"
                        + " needs about 1568 MiB while it is saved; start this JVM with -Xmx2080m or more");
    }

    @Test
    void threeGigabyteHeapIsEnough() {
        assertThatCode(() -> NodusCheckpoint.requireHeap("vgg19", "classifier.0.weight", VGG19_FC6_BYTES, 3L << 30))
                .doesNotThrowAnyException();
    }
}
