package nodus.deeplearning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Shared test set-up: DJL cache under target/, resources of src/test/resources/deeplearning. */
public final class TestSupport {

    private TestSupport() {
    }

    /** Configures DJL (cache in target/, offline) before any test touches the engine. */
    public static void djl() {
        DjlEnvironment.configure(Path.of("target", "djl-cache"));
        DjlEnvironment.engine();
    }

    public static JsonNode json(String resource) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/deeplearning/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource deeplearning/" + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestSupport.class.getResource("/deeplearning/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource deeplearning/" + name, e);
        }
    }

    /** The deterministic input of make_backbone_parity.py: x[0,c,h,w] = sin(0.01·(c·H·W + h·W + w)). */
    public static float[] referenceImage(int size) {
        float[] x = new float[3 * size * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(0.01 * i);
        }
        return x;
    }
}
