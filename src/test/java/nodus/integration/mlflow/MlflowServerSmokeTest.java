package nodus.integration.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nodus.support.MlflowServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.tracking.MlflowClient;

/** The Java client talks to a real MLflow server: an experiment and a run with a param and a metric round-trip. */
@Tag("mlflow")
class MlflowServerSmokeTest {

    @Test
    void experimentRunParamAndMetricRoundTrip() {
        MlflowClient client = new MlflowClient(MlflowServer.trackingUri());
        try {
            String experimentName = "nodus-smoke-" + UUID.randomUUID();
            String experimentId = client.createExperiment(experimentName);
            RunInfo info = client.createRun(experimentId);
            client.logParam(info.getRunId(), "backbone", "resnet50");
            client.logMetric(info.getRunId(), "val_auc", 0.8125);
            client.setTerminated(info.getRunId());

            Run run = client.getRun(info.getRunId());
            assertThat(client.getExperimentByName(experimentName)).isPresent();
            assertThat(run.getData().getParamsList()).extracting(Param::getKey, Param::getValue)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("backbone", "resnet50"));
            assertThat(run.getData().getMetricsList()).extracting(Metric::getKey, Metric::getValue)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("val_auc", 0.8125));
            assertThat(run.getInfo().getStatus().name()).isEqualTo("FINISHED");
        } finally {
            client.close();
        }
    }
}
