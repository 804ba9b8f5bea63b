package nodus.integration.mlflow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mlflow.api.proto.Service.LogBatch;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;

/**
 * Splits metrics, params and tags into {@code runs/log-batch} requests the server accepts. MLflow 2.17
 * (mlflow/utils/validation.py) refuses a batch with more than 1000 metrics, 100 params, 100 tags, 1000 entities
 * in all, or a request over 1 MB; the client's {@code logBatch} does no splitting. Sizes are measured on the JSON
 * that is actually sent, with a margin below 1 MB.
 */
final class LogBatchPlanner {

    static final int MAX_METRICS = 1000;
    static final int MAX_PARAMS = 100;
    static final int MAX_TAGS = 100;
    static final int MAX_ENTITIES = 1000;
    /** MLflow's MAX_BATCH_LOG_REQUEST_SIZE is 1e6 bytes; keep 10 % below it for the envelope and escaping. */
    static final int MAX_BYTES = 900_000;

    private LogBatchPlanner() {
    }

    static List<LogBatch> plan(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        List<LogBatch> batches = new ArrayList<>();
        LogBatch.Builder current = LogBatch.newBuilder().setRunId(runId);
        int bytes = envelope(runId);
        // Params and tags first: a run's params are then on the server before its metric history.
        for (Param p : params) {
            int size = size(p);
            if (current.getParamsCount() >= MAX_PARAMS || full(current, bytes + size)) {
                batches.add(current.build());
                current = LogBatch.newBuilder().setRunId(runId);
                bytes = envelope(runId);
            }
            current.addParams(p);
            bytes += size;
        }
        for (RunTag t : tags) {
            int size = size(t);
            if (current.getTagsCount() >= MAX_TAGS || full(current, bytes + size)) {
                batches.add(current.build());
                current = LogBatch.newBuilder().setRunId(runId);
                bytes = envelope(runId);
            }
            current.addTags(t);
            bytes += size;
        }
        for (Metric m : metrics) {
            int size = size(m);
            if (current.getMetricsCount() >= MAX_METRICS || full(current, bytes + size)) {
                batches.add(current.build());
                current = LogBatch.newBuilder().setRunId(runId);
                bytes = envelope(runId);
            }
            current.addMetrics(m);
            bytes += size;
        }
        if (current.getMetricsCount() + current.getParamsCount() + current.getTagsCount() > 0) {
            batches.add(current.build());
        }
        return batches;
    }

    private static boolean full(LogBatch.Builder b, int bytesWithNext) {
        int entities = b.getMetricsCount() + b.getParamsCount() + b.getTagsCount();
        return entities >= MAX_ENTITIES || (entities > 0 && bytesWithNext > MAX_BYTES);
    }

    private static int envelope(String runId) {
        return 64 + runId.length();
    }

    private static int size(org.mlflow_project.google.protobuf.MessageOrBuilder m) {
        return MlflowRest.print(m).getBytes(StandardCharsets.UTF_8).length + 1;
    }
}
