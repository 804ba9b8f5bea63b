package nodus.deeplearning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * libtorch is asked for huge-page-backed tensors: after the engine has started, {@code THP_MEM_ALLOC_ENABLE} is 1
 * in the C environment, and a 4 MiB tensor's memory lies in a mapping advised for huge pages ({@code hg} in its
 * VmFlags) — what c10's allocator does for allocations of 2 MiB or more only when it has read the variable. Without
 * the variable this test fails: glibc's arenas are never advised by anyone else.
 */
class NativeAllocatorTest {

    private static final long PAGE = 4096;

    @Test
    void libtorchAllocatesLargeTensorsOnHugePages() throws IOException {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "glibc and /proc are Linux's");
        TestSupport.djl();
        String exported = System.getenv(NativeAllocator.THP_VARIABLE);
        assertThat(NativeAllocator.requestHugePages()).isEqualTo(exported != null ? exported : "1");
        assumeTrue(exported == null || "1".equals(exported), "the user's THP_MEM_ALLOC_ENABLE=" + exported + " wins");

        try (NDManager m = NDManager.newBaseManager()) {
            NDArray big = m.zeros(new Shape(1 << 20)); // 4 MiB of float32
            ByteBuffer data = JniUtils.getByteBuffer((PtNDArray) big, true);
            long address = Pointer.nativeValue(Native.getDirectBufferPointer(data));
            assertThat(data.capacity()).isEqualTo(4 << 20);
            // c10 page-aligns (4 KiB) what it advises; otherwise it aligns to 64 bytes
            assertThat(address % PAGE).as("page alignment of the tensor's data").isZero();

            Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
            assumeTrue(Files.exists(thp), "kernel without transparent huge pages: madvise is refused");
            assertThat(vmFlags(address)).as("VmFlags of the mapping holding the tensor").contains("hg");
        }
    }

    /** The VmFlags of the /proc/self/smaps mapping that contains this address. */
    private static List<String> vmFlags(long address) throws IOException {
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && line.substring(0, dash).matches("[0-9a-f]+")) {
                long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                inside = Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
            } else if (inside && line.startsWith("VmFlags:")) {
                return List.of(line.substring("VmFlags:".length()).trim().split(" "));
            }
        }
        throw new AssertionError("no mapping contains 0x" + Long.toHexString(address));
    }
}
