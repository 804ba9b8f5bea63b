package nodus.cohort;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On start, when the database has no cohort yet, creates the demo cohort so a new user has something to explore.
 * Off with {@code nodus.demo.enabled=false}; size with {@code nodus.demo.cases} / {@code nodus.demo.size}.
 */
@Component
@ConditionalOnProperty(name = "nodus.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCohortInitializer implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCohortInitializer.class);
    private final CohortRepository cohorts;
    private final DatasetRepository datasets;
    private final DemoCohortService demo;

    DemoCohortInitializer(CohortRepository cohorts, DatasetRepository datasets, DemoCohortService demo) {
        this.cohorts = cohorts;
        this.datasets = datasets;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (cohorts.count() > 0 || datasets.existsByName(DemoCohortService.DATASET_NAME)) {
            return;
        }
        long start = System.nanoTime();
        Cohort cohort = SystemUser.asResearcher(demo::createDefault);
        LOG.info("created the demo cohort '{}' in {} ms", cohort.ref(), (System.nanoTime() - start) / 1_000_000);
    }
}
