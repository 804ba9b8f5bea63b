package nodus.deeplearning;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * Prepares DJL before its first engine call: the native-library cache under the Nodus data home, and offline mode.
 *
 * <p>WHY: DJL copies libtorch (≈430 MB) to {@code ~/.djl.ai} on first use unless {@code DJL_CACHE_DIR} /
 * {@code ENGINE_CACHE_DIR} say otherwise, and without {@code ai.djl.offline=true} the engine start sends
 * telemetry (probe of DJL 0.36.0, issue 6). Both are read once, at the first {@link Engine} call, so every entry
 * point of this package calls {@link #engine()} instead of {@code Engine.getInstance()}.
 *
 * <p>The cache directory is, in order: system property {@code nodus.djl.cache}, environment variable
 * {@code NODUS_DJL_CACHE}, {@code ./nodus-data/djl}. An explicit {@code DJL_CACHE_DIR} system property wins.
 */
public final class DjlEnvironment {

    /** System property naming the DJL cache directory. */
    public static final String CACHE_PROPERTY = "nodus.djl.cache";
    /** The one engine Nodus uses (pytorch-native-cpu 2.7.1 is bundled). */
    public static final String ENGINE = "PyTorch";

    private static Path configuredDir;

    private DjlEnvironment() {
    }

    /**
     * Sets the DJL cache directory and offline mode, once; later calls with another directory are ignored
     * because DJL has already read the properties.
     *
     * @param cacheDir directory for DJL's engine cache (created by DJL on demand)
     * @return the directory actually in effect
     */
    public static synchronized Path configure(Path cacheDir) {
        if (configuredDir != null) {
            return configuredDir;
        }
        String explicit = System.getProperty("DJL_CACHE_DIR");
        Path dir = explicit != null ? Path.of(explicit) : cacheDir.toAbsolutePath().normalize();
        System.setProperty("DJL_CACHE_DIR", dir.toString());
        if (System.getProperty("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", dir.toString());
        }
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        configuredDir = dir;
        NativeAllocator.tune();
        return dir;
    }

    /** The cache directory from the property, environment or default (see class comment). */
    public static Path defaultCacheDir() {
        String prop = System.getProperty(CACHE_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("NODUS_DJL_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of("nodus-data", "djl");
    }

    /**
     * Configures (if not yet done) with {@link #defaultCacheDir()} and returns the PyTorch engine, with autograd
     * recording switched off on the calling thread.
     *
     * <p>WHY: DJL assumes "no grad" outside a {@code GradientCollector}, but PyTorch's grad mode is per thread and
     * on by default; DJL 0.36.0 switches it off only on the thread that created the engine, and a
     * {@code PtGradientCollector} restores the mode it found. On any other thread (a job worker, a web request) the
     * optimiser's in-place parameter update then fails with "a leaf Variable that requires grad is being used in an
     * in-place operation". Call this before opening a collector, never inside one.
     */
    public static Engine engine() {
        configure(defaultCacheDir());
        Engine engine = Engine.getEngine(ENGINE);
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        return engine;
    }
}
