package nodus.integration.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.LogBatch;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunTag;

/** The split rules of MLflow 2.17's log-batch validation (mlflow/utils/validation.py), without a server. */
class LogBatchPlannerTest {

    private static List<Metric> metrics(int n) {
        List<Metric> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Metric.newBuilder().setKey("m").setStep(i).setValue(i).setTimestamp(1_700_000_000_000L + i)
                    .build());
        }
        return list;
    }

    private static List<Param> params(int n, int valueLength) {
        List<Param> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Param.newBuilder().setKey("p" + i).setValue("x".repeat(valueLength)).build());
        }
        return list;
    }

    private static void assertWithinLimits(List<LogBatch> batches) {
        for (LogBatch b : batches) {
            assertThat(b.getMetricsCount()).isLessThanOrEqualTo(1000);
            assertThat(b.getParamsCount()).isLessThanOrEqualTo(100);
            assertThat(b.getTagsCount()).isLessThanOrEqualTo(100);
            assertThat(b.getMetricsCount() + b.getParamsCount() + b.getTagsCount()).isLessThanOrEqualTo(1000);
            assertThat(MlflowRest.print(b).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1_000_000);
        }
    }

    @Test
    void countsAreSplitAtTheServerLimits() {
        List<RunTag> tags = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            tags.add(RunTag.newBuilder().setKey("t" + i).setValue("v").build());
        }
        List<LogBatch> batches = LogBatchPlanner.plan("r", metrics(2500), params(250, 10), tags);
        assertWithinLimits(batches);
        assertThat(batches.stream().mapToInt(LogBatch::getMetricsCount).sum()).isEqualTo(2500);
        assertThat(batches.stream().mapToInt(LogBatch::getParamsCount).sum()).isEqualTo(250);
        assertThat(batches.stream().mapToInt(LogBatch::getTagsCount).sum()).isEqualTo(150);
        // 100 params | 100 params | 50 params + 100 tags | 50 tags + 950 metrics | 1000 metrics | 550 metrics.
        assertThat(batches).extracting(LogBatch::getParamsCount).containsExactly(100, 100, 50, 0, 0, 0);
        assertThat(batches).extracting(LogBatch::getTagsCount).containsExactly(0, 0, 100, 50, 0, 0);
        assertThat(batches).extracting(LogBatch::getMetricsCount).containsExactly(0, 0, 0, 950, 1000, 550);
    }

    @Test
    void largeValuesAreSplitByRequestSize() {
        // 100 params of 6,000 characters and 100 tags of 8,000: ~1.4 MB, allowed by count but not by size.
        List<RunTag> tags = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tags.add(RunTag.newBuilder().setKey("t" + i).setValue("y".repeat(8000)).build());
        }
        List<LogBatch> batches = LogBatchPlanner.plan("r", List.of(), params(100, 6000), tags);
        assertWithinLimits(batches);
        assertThat(batches).hasSizeGreaterThanOrEqualTo(2);
        assertThat(batches.stream().mapToInt(LogBatch::getParamsCount).sum()).isEqualTo(100);
        assertThat(batches.stream().mapToInt(LogBatch::getTagsCount).sum()).isEqualTo(100);
    }

    @Test
    void nothingToLogMeansNoRequest() {
        assertThat(LogBatchPlanner.plan("r", List.of(), List.of(), List.of())).isEmpty();
    }
}
