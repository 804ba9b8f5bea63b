package nodus.deeplearning;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixes glibc malloc's thresholds so that libtorch's large, short-lived tensors are reused from the heap instead of
 * being mapped and returned to the kernel every time (and zero-filled again on the next touch).
 *
 * <p>WHY (measured, ResNet50 224², batch 8, training, this machine): libtorch's CPU allocator is {@code malloc}.
 * In a Python process the tensors come from the main arena and, once glibc's dynamic mmap threshold has risen, a
 * training step causes no page faults at all (0 minor faults per step after the second). A JVM runs {@code main}
 * on a thread that is not the process's first, so the same tensors come from a secondary arena whose heaps glibc
 * grows and trims around every activation: 33,000–130,000 minor page faults per step (130–520 MB of pages
 * zero-filled by the kernel, ≈ 2.2 µs each: up to 0.3 s of a 2.5 s step). Three settings make the steady state
 * fault-free: the mmap threshold fixed at its maximum (32 MiB = HEAP_MAX_SIZE / 2, the largest value glibc
 * accepts; a 224² ResNet50 activation of batch 8 is 25.7 MB), the trim threshold at 1 GiB, and a top pad of
 * 64 MiB — a secondary arena's heaps are at most 64 MiB and glibc deletes a heap that has become empty unless
 * the top pad keeps it, so without the pad runs still alternated between fault-free and 60,000 faults per step.
 * Setting any one alone is worse than nothing: it disables the dynamic threshold and leaves it at 128 KiB (1.16
 * million faults per step). Numbers and commands: docs/benchmarks/backbones.md, section "Session 3".
 *
 * <p>The cost: freed memory stays resident for reuse instead of going back to the kernel — the steady state
 * PyTorch reaches by itself in its main arena. With the pad alone ResNet50 training peaked at 2.1–2.2 GiB (against
 * 1.7–2.05 GiB unpadded); allocating gradients and momentum buffers before the first step
 * ({@code TrainStep.prepare}) brought it to 1.6–1.8 GiB. Off with {@code -Dnodus.malloc.tuning=false}; a no-op
 * where the C library has no {@code mallopt} (not glibc).
 *
 * <p><b>Transparent huge pages.</b> libtorch's own allocator ({@code c10::alloc_cpu}) page-aligns every allocation
 * of 2 MiB or more and advises the kernel to back it with huge pages ({@code madvise(MADV_HUGEPAGE)}) when
 * the environment variable {@code THP_MEM_ALLOC_ENABLE} is 1 — off by default in PyTorch too. With the kernel in
 * {@code madvise} mode (this machine's, and the common default) the activations then sit on 2 MiB pages (fewer TLB
 * misses is the expected gain; not measured separately). Measured (ResNet50 224², batch 8, training,
 * three interleaved pairs, session 5): steady step 2.73 / 2.82 / 2.70 s against 2.91 / 2.78 / 2.85 s, first step
 * 42,000 instead of 270,000 page faults, and peak RSS 1,278–1,360 MiB against 1,728–2,017 MiB. libtorch reads the
 * variable once, at its first allocation, so it is set here with {@code setenv} — before the engine starts —
 * unless the user has set it (their value wins). Off with {@code -Dnodus.thp=false}; without effect where the
 * kernel's THP mode is {@code never}.
 */
final class NativeAllocator {

    private static final Logger LOG = LoggerFactory.getLogger(NativeAllocator.class);

    /** {@code mallopt} parameters from glibc's malloc.h. */
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_TOP_PAD = -2;
    static final int M_MMAP_THRESHOLD = -3;

    /** Bytes: glibc refuses an mmap threshold above HEAP_MAX_SIZE / 2 = 32 MiB on 64-bit. */
    static final int MMAP_THRESHOLD = 32 << 20;
    /** Bytes of free memory at the top of a heap kept before returning it to the kernel. */
    static final int TRIM_THRESHOLD = 1 << 30;
    /** Bytes kept beyond each heap extension, and the free space that keeps an empty heap alive. */
    static final int TOP_PAD = 64 << 20;

    /** The part of the C library used here. */
    interface CLibrary extends Library {
        int mallopt(int param, int value);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /** libtorch's switch for huge-page-backed allocations of 2 MiB and more (c10/core/alloc_cpu.cpp). */
    static final String THP_VARIABLE = "THP_MEM_ALLOC_ENABLE";

    private static boolean applied;
    private static boolean hugePagesTried;

    private NativeAllocator() {
    }

    /**
     * Applies the three malloc settings and asks libtorch for huge pages, once per process; returns whether glibc
     * accepted all three malloc settings.
     */
    static synchronized boolean tune() {
        requestHugePages();
        return tuneMalloc();
    }

    /**
     * Sets {@code THP_MEM_ALLOC_ENABLE=1} in the C environment unless it is set already (see the class comment);
     * returns the value in effect afterwards, or null where it could not be read (not Linux, no C library).
     */
    static synchronized String requestHugePages() {
        if (!linux()) {
            return null;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            if (!hugePagesTried && Boolean.parseBoolean(System.getProperty("nodus.thp", "true"))) {
                hugePagesTried = true;
                // overwrite = 0: a value the user exported (0 or 1) stays
                if (c.setenv(THP_VARIABLE, "1", 0) != 0) {
                    LOG.info("could not set {}; libtorch allocates without huge pages", THP_VARIABLE);
                }
            }
            return c.getenv(THP_VARIABLE);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.info("{} not set ({}); libtorch allocates without huge pages", THP_VARIABLE, e.toString());
            return null;
        }
    }

    private static boolean tuneMalloc() {
        if (applied || !Boolean.parseBoolean(System.getProperty("nodus.malloc.tuning", "true"))) {
            return applied;
        }
        if (!linux()) {
            return false;
        }
        try {
            CLibrary c = Native.load("c", CLibrary.class);
            // the mmap threshold first: a failure there must not leave only the trim threshold fixed (see above)
            applied = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1
                    && c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1
                    && c.mallopt(M_TOP_PAD, TOP_PAD) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.info("malloc thresholds not set ({}); libtorch tensors may page-fault on every step", e.toString());
            return false;
        }
        LOG.debug("glibc malloc: mmap threshold {} B, trim threshold {} B, top pad {} B: {}", MMAP_THRESHOLD,
                TRIM_THRESHOLD, TOP_PAD, applied);
        return applied;
    }

    /** glibc's mallopt and libtorch's environment switch are Linux matters. */
    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
