package nodus.integration.mlflow;

/** One HTTP request the adapter sent (for tests and diagnostics): method, path, JSON body (null for files), size. */
public record SentRequest(String method, String path, String body, long bodyBytes, int status) {
}
