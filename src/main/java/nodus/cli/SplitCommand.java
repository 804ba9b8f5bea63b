package nodus.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import nodus.base.security.Role;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.Split;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nodus split}: a seeded, stratified, patient-level split of a cohort's task; prints its content hash. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Create a stratified, patient-level split (6:2:2 or 4:1) of a cohort's task and print its hash.")
public final class SplitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cohort", required = true, description = "cohort name (latest version)")
    String cohort;

    @Option(names = "--task", required = true, description = "task name")
    String task;

    @Option(names = "--scheme", defaultValue = "6:2:2", description = "6:2:2 (train/validation/test) or 4:1")
    String scheme;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (same seed → same split)")
    long seed;

    @Option(names = "--name", required = true, description = "split name")
    String name;

    @Option(names = "--balance", split = ",", description = "clinical variables to balance across parts")
    List<String> balance = new ArrayList<>();

    @Option(names = "--data-home", description = "Nodus data home (default: NODUS_DATA_HOME or ./nodus-data)")
    Path dataHome;

    @Override
    public Integer call() {
        SplitScheme splitScheme = switch (scheme) {
            case "6:2:2" -> SplitScheme.TRAIN_VALIDATION_TEST_6_2_2;
            case "4:1" -> SplitScheme.TRAIN_TEST_4_1;
            default -> throw new IllegalArgumentException("--scheme must be 6:2:2 or 4:1, got " + scheme);
        };
        List<String> props = new ArrayList<>(List.of("jobrunr.background-job-server.enabled=false"));
        if (dataHome != null) {
            props.add("nodus.data-home=" + dataHome.toAbsolutePath());
        }
        try (ConfigurableApplicationContext ctx = HeadlessSpring.start(props.toArray(String[]::new))) {
            HeadlessSpring.actAs("cli", Role.RESEARCHER_NAME);
            CohortService cohorts = ctx.getBean(CohortService.class);
            Cohort latest = cohorts.versions(cohort).stream().max(Comparator.comparingInt(Cohort::version))
                    .orElseThrow(() -> new IllegalArgumentException("no cohort named '" + cohort + "'"));
            Split split = ctx.getBean(SplitService.class).create(latest.id(), task, splitScheme, seed, balance, name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("split '" + split.name() + "' of " + latest.ref() + " / " + task + ": " + split.contentHash());
            return 0;
        }
    }
}
