package nodus.integration.mlflow;

import nodus.experiment.tracking.TrackingBackend;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MLflow backend exists only when a tracking URI is configured ({@code nodus.mlflow.tracking-uri}, which
 * defaults to {@code MLFLOW_TRACKING_URI}); without one the tracking port records nothing and Nodus works alone.
 */
@Configuration
class MlflowConfiguration {

    @Bean
    @ConditionalOnExpression("!'${nodus.mlflow.tracking-uri:}'.isBlank()")
    TrackingBackend mlflowTrackingBackend(@Value("${nodus.mlflow.tracking-uri}") String trackingUri) {
        return MlflowTrackingBackend.connect(trackingUri);
    }
}
