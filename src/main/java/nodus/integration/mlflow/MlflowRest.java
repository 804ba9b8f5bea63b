package nodus.integration.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.mlflow_project.google.protobuf.InvalidProtocolBufferException;
import org.mlflow_project.google.protobuf.Message;
import org.mlflow_project.google.protobuf.MessageOrBuilder;
import org.mlflow_project.google.protobuf.util.JsonFormat;

/**
 * MLflow's REST API over java.net.http, with the request and response messages of the client jar's protobuf
 * classes. Why not {@code MlflowClient}: it has no PUT (artifact upload), no registry writes, its artifact
 * methods start a Python process, and its HTTP client has no timeouts — a stalled server would hang delivery.
 *
 * <p>Credentials come from the environment only (MLFLOW_TRACKING_USERNAME / _PASSWORD → Basic, or
 * MLFLOW_TRACKING_TOKEN → Bearer); they are never written to the database.
 */
final class MlflowRest {

    static final String API = "/api/2.0/mlflow/";
    static final String ARTIFACTS_API = "/api/2.0/mlflow-artifacts/artifacts";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

    private final String base;
    private final String authorization;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final List<Consumer<SentRequest>> observers = new CopyOnWriteArrayList<>();

    MlflowRest(String trackingUri, MlflowCredentials credentials, Duration connectTimeout, Duration requestTimeout) {
        String uri = trackingUri.trim();
        while (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
            throw new IllegalArgumentException("the MLflow tracking URI must be an http(s) URL of a tracking "
                    + "server, got '" + trackingUri + "'");
        }
        this.base = uri;
        this.authorization = credentials.authorizationHeader();
        this.requestTimeout = requestTimeout;
        // HTTP/1.1: MLflow's gunicorn speaks no h2c, and an upgrade attempt only costs a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    String base() {
        return base;
    }

    void observe(Consumer<SentRequest> observer) {
        observers.add(observer);
    }

    /** POSTs a request message to {@code /api/2.0/mlflow/<endpoint>} and parses the reply into {@code reply}. */
    <T extends Message.Builder> T post(String endpoint, MessageOrBuilder request, T reply) {
        String body = print(request);
        String text = send("POST", API + endpoint, HttpRequest.BodyPublishers.ofString(body), body,
                body.getBytes(StandardCharsets.UTF_8).length);
        return parse(text, reply);
    }

    /** GETs {@code /api/2.0/mlflow/<endpoint>?query} and parses the reply into {@code reply}. */
    <T extends Message.Builder> T get(String endpoint, String query, T reply) {
        String text = send("GET", API + endpoint + (query == null ? "" : "?" + query),
                HttpRequest.BodyPublishers.noBody(), null, 0);
        return parse(text, reply);
    }

    /** PUTs a file, streamed from disk, to the proxied artifact store path {@code artifactPath}. */
    void putFile(String artifactPath, Path file) {
        try {
            send("PUT", ARTIFACTS_API + "/" + encodePath(artifactPath), HttpRequest.BodyPublishers.ofFile(file),
                    null, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Lists a proxied artifact directory: the JSON reply of {@code GET …/artifacts?path=}. */
    JsonNode listArtifacts(String directory) {
        String text = send("GET", ARTIFACTS_API + "?path=" + URLEncoder.encode(directory, StandardCharsets.UTF_8),
                HttpRequest.BodyPublishers.noBody(), null, 0);
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new MlflowException(200, null, "unreadable artifact listing: " + e.getMessage(), e);
        }
    }

    /** Downloads a proxied artifact to {@code target}, streamed to disk. */
    void download(String artifactPath, Path target) {
        HttpRequest request = request("GET", ARTIFACTS_API + "/" + encodePath(artifactPath),
                HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<Path> response = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
            notify("GET", request.uri().getRawPath(), null, 0, response.statusCode());
            if (response.statusCode() / 100 != 2) {
                String detail = Files.readString(target);
                Files.deleteIfExists(target);
                throw error(response.statusCode(), detail, request);
            }
        } catch (IOException e) {
            throw new MlflowException(0, null, "MLflow at " + base + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlflowException(0, null, "interrupted while talking to MLflow", e);
        }
    }

    private String send(String method, String path, HttpRequest.BodyPublisher body, String bodyText, long bytes) {
        HttpRequest request = request(method, path, body);
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            notify(method, path, bodyText, bytes, 0);
            throw new MlflowException(0, null, "MLflow at " + base + " unreachable (" + method + " " + path
                    + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MlflowException(0, null, "interrupted while talking to MLflow", e);
        }
        notify(method, path, bodyText, bytes, response.statusCode());
        if (response.statusCode() / 100 != 2) {
            throw error(response.statusCode(), response.body(), request);
        }
        return response.body();
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(requestTimeout)
                .method(method, body);
        if (!"GET".equals(method)) {
            b.header("Content-Type", "PUT".equals(method) ? "application/octet-stream" : "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private void notify(String method, String path, String body, long bytes, int status) {
        for (Consumer<SentRequest> o : observers) {
            o.accept(new SentRequest(method, path, body, bytes, status));
        }
    }

    private static MlflowException error(int status, String body, HttpRequest request) {
        String code = null;
        String message = body;
        try {
            JsonNode json = JSON.readTree(body);
            code = json.path("error_code").asText(null);
            message = json.path("message").asText(body);
        } catch (IOException | RuntimeException ignored) {
            // not JSON (e.g. a proxy's HTML page): keep the text
        }
        if (message != null && message.length() > 500) {
            message = message.substring(0, 500) + "…";
        }
        return new MlflowException(status, code, "MLflow " + request.method() + " " + request.uri().getRawPath()
                + " → HTTP " + status + (code == null ? "" : " " + code) + ": " + message, null);
    }

    static String print(MessageOrBuilder message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static <T extends Message.Builder> T parse(String text, T reply) {
        try {
            PARSER.merge(text == null || text.isBlank() ? "{}" : text, reply);
            return reply;
        } catch (InvalidProtocolBufferException e) {
            throw new MlflowException(200, null, "unreadable MLflow reply: " + e.getMessage(), e);
        }
    }

    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Credentials from the environment; toString never shows them. */
    record MlflowCredentials(String username, String password, String token) {
        static MlflowCredentials fromEnvironment() {
            return new MlflowCredentials(System.getenv("MLFLOW_TRACKING_USERNAME"),
                    System.getenv("MLFLOW_TRACKING_PASSWORD"), System.getenv("MLFLOW_TRACKING_TOKEN"));
        }

        static MlflowCredentials none() {
            return new MlflowCredentials(null, null, null);
        }

        String authorizationHeader() {
            if (token != null && !token.isBlank()) {
                return "Bearer " + token;
            }
            if (username != null && !username.isBlank()) {
                String pair = username + ":" + (password == null ? "" : password);
                return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
            }
            return null;
        }

        @Override
        public String toString() {
            return token != null ? "token" : username != null ? "basic auth as " + username : "no credentials";
        }
    }
}
