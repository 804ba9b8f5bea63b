package nodus.experiment.jobs;

import nodus.experiment.RunKind;

/**
 * Executes one kind of run (radiomics, clinical, combined, fine-tuning). Implemented as a Spring bean in the
 * feature that knows how (classical, deeplearning); the job engine finds it by {@link #kind()}.
 */
public interface RunExecutor {

    RunKind kind();

    /**
     * Trains and evaluates the run, storing its metrics and per-case predictions through the context, and returns
     * its provenance. Throw {@link RunCancelledException} (via {@link RunContext#checkCancelled()}) to stop.
     */
    RunOutcome execute(RunContext context) throws Exception;
}
