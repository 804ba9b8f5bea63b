package nodus.support;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * The real MLflow server that tests talk to: its URI comes from {@code MLFLOW_TRACKING_URI} (.ci/run starts one
 * on 127.0.0.1). Without it the test skips with a message, unless {@code NODUS_REQUIRE_MLFLOW=true} (CI) makes it
 * mandatory.
 */
public final class MlflowServer {

    private MlflowServer() {
    }

    public static String trackingUri() {
        String uri = System.getenv("MLFLOW_TRACKING_URI");
        if (uri == null || uri.isBlank()) {
            String message = "MLflow test needs a running MLflow server in MLFLOW_TRACKING_URI "
                    + "(.ci/run starts one: `mlflow server --serve-artifacts …`)";
            if ("true".equals(System.getenv("NODUS_REQUIRE_MLFLOW"))) {
                fail(message + " — NODUS_REQUIRE_MLFLOW=true makes this test mandatory");
            }
            Assumptions.assumeTrue(false, "skipped: " + message);
        }
        return uri;
    }
}
