package nodus.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.DemoCohortService;
import nodus.cohort.SystemUser;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nodus demo [--cases 300] [--size 128] [--seed s] [--data-home dir]}: creates a synthetic demo cohort. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create the synthetic demo cohort (docs/demo-cohort.md) in the database.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-home", description = "the data home (default: nodus.data-home / NODUS_DATA_HOME)")
    String dataHome;

    @Option(names = "--cases", defaultValue = "300", description = "number of cases (default 300)")
    int cases;

    @Option(names = "--size", defaultValue = "128", description = "image width and height in pixels (default 128)")
    int size;

    @Option(names = "--seed", defaultValue = "20230701", description = "random seed (default 20230701)")
    long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (cases < 10 || size < 32) {
            spec.commandLine().getErr().println("nodus demo: --cases must be at least 10 and --size at least 32");
            return 2;
        }
        try (ConfigurableApplicationContext context = HeadlessSpring.start(dataHome,
                Map.of("nodus.demo.enabled", "false"))) {
            return SystemUser.asResearcher(() -> create(context, out));
        }
    }

    private int create(ConfigurableApplicationContext context, PrintWriter out) {
        {
            CohortService cohorts = context.getBean(CohortService.class);
            boolean standard = cases == 300 && size == 128 && seed == 20230701L;
            String suffix = standard ? "" : " (" + cases + " cases, " + size + " px, seed " + seed + ")";
            String cohortName = DemoCohortService.COHORT_NAME + suffix;
            if (!cohorts.versions(cohortName).isEmpty()) {
                out.println("the demo cohort '" + cohortName + "' already exists");
                return 0;
            }
            Cohort cohort = context.getBean(DemoCohortService.class)
                    .create(DemoCohortService.DATASET_NAME + suffix, cohortName, cases, size, seed);
            out.println("created '" + cohort.ref() + "' with " + cohorts.cases(cohort.id()).size() + " cases and tasks: "
                    + String.join("; ", cohort.tasks().stream().map(t -> t.name()).toList()));
            return 0;
        }
    }
}
