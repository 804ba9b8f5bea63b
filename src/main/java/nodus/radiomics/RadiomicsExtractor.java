package nodus.radiomics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nodus.imaging.GrayImage;
import nodus.imaging.IntensityClipping;
import nodus.imaging.Mask;
import nodus.imaging.RoiCrop;

/**
 * Extracts pyradiomics-compatible features for cases: clip the image (settings' clip mode), apply pyradiomics'
 * optional normalisation and re-segmentation ({@link Preprocessing}), derive the enabled image types (Original here; others through the {@link ImageTypeProvider}), compute the features
 * ({@link RadiomicsFeatures}). Runs cases in parallel on a bounded pool, and caches each case's table per
 * (image hash, mask hash, settings hash) in a directory when one is given. Every result records the settings hash
 * and the Nodus version.
 */
public final class RadiomicsExtractor {

    private final RadiomicsSettings settings;
    private final String settingsHash;
    private final FeatureCache cache;
    private final int threads;
    private final ImageTypeProvider provider;
    private final String version;

    private RadiomicsExtractor(Builder b) {
        this.settings = b.settings;
        this.settingsHash = b.settings.hash();
        this.cache = b.cacheDir == null ? null : new FeatureCache(b.cacheDir);
        this.threads = b.threads;
        this.provider = b.provider;
        this.version = b.version != null ? b.version : nodusVersion();
    }

    public static Builder builder() {
        return new Builder();
    }

    public RadiomicsSettings settings() {
        return settings;
    }

    /** The Nodus version recorded with results ({@code dev} when not run from a packaged jar). */
    public static String nodusVersion() {
        String v = RadiomicsExtractor.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Features of one case (from the cache when present). */
    public FeatureVector extract(RadiomicsCase c) {
        String ih = FeatureCache.hash(c.image());
        String mh = FeatureCache.hash(c.mask());
        if (cache != null) {
            Optional<Map<String, Double>> hit = cache.get(ih, mh, settingsHash, version);
            if (hit.isPresent()) {
                return new FeatureVector(c.caseId(), hit.get(), settingsHash, ih, mh, version, true);
            }
        }
        Preprocessing pre = settings.preprocessing();
        GrayImage prepared = pre.normalise(IntensityClipping.clip(c.image(), c.mask(), settings.clip()));
        Mask mask = pre.resegment(prepared, c.mask());
        Mask shapeMask = c.mask();
        if (mask != c.mask()) {
            // pyradiomics crops the (not re-segmented) shape mask to the re-segmented mask's bounding box
            shapeMask = pre.resegmentShape() ? mask : RoiCrop.restrictTo(c.mask(), RoiCrop.boundingBox(mask));
        }
        Map<String, Double> features = RadiomicsFeatures.compute(images(prepared, mask), shapeMask, mask,
                settings);
        if (cache != null) {
            cache.put(ih, mh, settingsHash, version, features);
        }
        return new FeatureVector(c.caseId(), features, settingsHash, ih, mh, version, false);
    }

    /**
     * Features of many cases, in input order, computed on at most {@code threads} worker threads.
     *
     * @throws IllegalArgumentException naming the first case that failed, with its cause
     */
    public List<FeatureVector> extractAll(List<RadiomicsCase> cases) {
        if (threads == 1 || cases.size() <= 1) {
            List<FeatureVector> out = new ArrayList<>();
            for (RadiomicsCase c : cases) {
                out.add(extractNamed(c));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, cases.size()));
        try {
            List<Future<FeatureVector>> futures = new ArrayList<>();
            for (RadiomicsCase c : cases) {
                futures.add(pool.submit(() -> extractNamed(c)));
            }
            List<FeatureVector> out = new ArrayList<>();
            for (Future<FeatureVector> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("radiomics extraction interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FeatureVector extractNamed(RadiomicsCase c) {
        try {
            return extract(c);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("case " + c.caseId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The images of the enabled image types, in the settings' order, each with its effective settings, derived from
     * the clipped (and, if set, normalised) original and the (re-segmented) mask.
     */
    List<NamedImage> images(GrayImage clipped, Mask mask) {
        List<NamedImage> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> t : settings.imageTypes().entrySet()) {
            RadiomicsSettings s = settings.withOverrides(t.getValue());
            if (t.getKey().equals("Original")) {
                out.add(new NamedImage("original", clipped, s));
                continue;
            }
            Map<String, Object> options = new LinkedHashMap<>(settings.filterOptions());
            options.putAll(t.getValue());
            for (NamedImage ni : provider.images(t.getKey(), options, clipped, mask)) {
                out.add(new NamedImage(ni.name(), ni.image(), ni.settings() != null ? ni.settings() : s));
            }
        }
        return out;
    }

    /** Builder: {@code setSettings} required; cache directory, thread count and image-type provider optional. */
    public static final class Builder {
        private RadiomicsSettings settings;
        private Path cacheDir;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private ImageTypeProvider provider = ImageTypeProvider.ORIGINAL_ONLY;
        private String version;

        private Builder() {
        }

        public Builder setSettings(RadiomicsSettings s) {
            settings = Objects.requireNonNull(s);
            return this;
        }

        public Builder optCacheDir(Path dir) {
            cacheDir = dir;
            return this;
        }

        /** Worker threads for {@link #extractAll} (default: available processors). */
        public Builder optThreads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be ≥ 1, got " + n);
            }
            threads = n;
            return this;
        }

        public Builder optImageTypeProvider(ImageTypeProvider p) {
            provider = Objects.requireNonNull(p);
            return this;
        }

        /** The version recorded with results (default: the jar's implementation version, or dev). */
        public Builder optVersion(String v) {
            version = v;
            return this;
        }

        public RadiomicsExtractor build() {
            if (settings == null) {
                throw new IllegalStateException("setSettings is required");
            }
            return new RadiomicsExtractor(this);
        }
    }
}
