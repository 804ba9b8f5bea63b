package nodus.experiment.jobs;

import java.util.List;
import java.util.Map;
import nodus.experiment.CasePrediction;
import nodus.experiment.Run;
import nodus.experiment.RunService;

/** What an executing run sees: its record and spec, and where to put metrics and predictions. */
public final class RunContext {

    private final Run run;
    private final String specJson;
    private final boolean resumed;
    private final RunService runs;

    RunContext(Run run, String specJson, boolean resumed, RunService runs) {
        this.run = run;
        this.specJson = specJson;
        this.resumed = resumed;
        this.runs = runs;
    }

    public Run run() {
        return run;
    }

    public long runId() {
        return run.id();
    }

    public String specJson() {
        return specJson;
    }

    /** True when this execution continues a run that was interrupted (resume from its last checkpoint). */
    public boolean resumed() {
        return resumed;
    }

    /** Call between batches/steps: throws when a researcher cancelled the run. */
    public void checkCancelled() {
        if (runs.cancelRequested(run.id())) {
            throw new RunCancelledException(run.id());
        }
    }

    public void logMetrics(int step, Map<String, Double> values) {
        runs.logMetrics(run.id(), step, values);
    }

    public void savePredictions(List<CasePrediction> predictions) {
        runs.savePredictions(run.id(), predictions);
    }
}
