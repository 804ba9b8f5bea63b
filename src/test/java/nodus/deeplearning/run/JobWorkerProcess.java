package nodus.deeplearning.run;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.cli.HeadlessSpring;
import nodus.cohort.Cohort;
import nodus.cohort.CohortService;
import nodus.cohort.DemoCohortService;
import nodus.cohort.Split;
import nodus.cohort.SplitScheme;
import nodus.cohort.SplitService;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.experiment.ExperimentService;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Nodus job worker in its own JVM, for {@link KillResumeTest}: headless Spring with the JobRunr background
 * server on, on a given data home. {@code java -cp <test classpath> nodus.deeplearning.run.JobWorkerProcess
 * <data home> <experiment name> <epochs>} launches one small fine-tuning run (ResNet50 at 32² on the demo
 * cohort's 6:2:2 split, seed 7) in that experiment unless it exists already, then works the queue and prints
 * {@code RUN <id> <status>} on every status change of any run, {@code PROVENANCE <id> <json>} when a run
 * finishes, and {@code ALL-ENDED} (then exits) once every run has ended.
 */
public final class JobWorkerProcess {

    /** Demo cohort size in the worker: 60 cases, 36 training cases → 3 batches of 16 per epoch. */
    static final int CASES = 60;

    private JobWorkerProcess() {
    }

    static FineTuneSpec spec(String cohortRef, String split, int epochs) {
        FineTuneSpec d = FineTuneSpec.defaults(cohortRef, DemoCohortService.TASK_N0_VS_NPLUS, split, "resnet50");
        return new FineTuneSpec(cohortRef, d.task(), split, d.backbone(), null, 32, epochs, 16, 1e-3, 0.9, 0,
                false, 1, true, 0, 7);
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        String home = args[0];
        String experiment = args[1];
        int epochs = Integer.parseInt(args[2]);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("jobrunr.background-job-server.enabled", "true");
        props.put("nodus.demo.cases", CASES);
        props.put("nodus.admin.initial-password", "admin-test-password");
        props.put("logging.level.org.jobrunr", "info");
        try (ConfigurableApplicationContext ctx = HeadlessSpring.start(home, props)) {
            HeadlessSpring.actAs("worker", "RESEARCHER");
            RunService runs = ctx.getBean(RunService.class);
            ExperimentService experiments = ctx.getBean(ExperimentService.class);
            CohortService cohorts = ctx.getBean(CohortService.class);
            SplitService splits = ctx.getBean(SplitService.class);
            Cohort demo = cohorts.list().stream().filter(c -> c.name().equals(DemoCohortService.COHORT_NAME))
                    .findFirst().orElseThrow();
            String task = DemoCohortService.TASK_N0_VS_NPLUS;
            Split split = splits.list(demo.id()).stream().filter(s -> s.name().equals("kill-resume")).findFirst()
                    .orElseGet(() -> splits.create(demo.id(), task, SplitScheme.TRAIN_VALIDATION_TEST_6_2_2, 42,
                            List.of(), "kill-resume"));
            String ref = demo.name() + "@" + demo.version();
            if (experiments.list().stream().noneMatch(e -> e.name().equals(experiment))) {
                long exp = experiments.create(experiment, null).id();
                FineTuneSpec spec = spec(ref, split.name(), epochs);
                Run run = runs.launch(new NewRun(exp, experiment, RunKind.FINETUNE, task, ref, split.contentHash(),
                        spec.toJson(), spec.seed()));
                System.out.println("LAUNCHED " + run.id());
            }
            Map<Long, RunStatus> seen = new HashMap<>();
            while (true) {
                boolean allEnded = true;
                {
                    for (Run r : experiments.allRuns()) {
                        if (seen.put(r.id(), r.status()) != r.status()) {
                            System.out.println("RUN " + r.id() + " " + r.status()
                                    + (r.statusMessage() == null ? "" : " " + r.statusMessage()));
                            if (r.status() == RunStatus.FINISHED) {
                                System.out.println("PROVENANCE " + r.id() + " " + runs.provenance(r.id()).orElse(""));
                            }
                        }
                        allEnded &= r.status().isTerminal();
                    }
                }
                System.out.flush();
                if (allEnded) {
                    System.out.println("ALL-ENDED");
                    System.out.flush();
                    break;
                }
                Thread.sleep(100);
            }
        }
        System.exit(0);
    }
}
