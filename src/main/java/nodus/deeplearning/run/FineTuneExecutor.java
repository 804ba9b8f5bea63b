package nodus.deeplearning.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nodus.base.config.DataHome;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.training.FineTuneResult;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.deeplearning.training.FineTuner;
import nodus.deeplearning.training.TrainingListener;
import nodus.deeplearning.training.TrainingProgress;
import nodus.experiment.CasePrediction;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.SplitPart;
import nodus.experiment.jobs.RunContext;
import nodus.experiment.jobs.RunExecutor;
import nodus.experiment.jobs.RunOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Executes FINETUNE runs on the job engine: reads the study through the cohort port, trains with
 * {@link FineTuner} (checkpoints in {@code <data home>/runs/<id>/checkpoints}, resumed when the job engine
 * re-executes an interrupted run), then stores every case's probability and penultimate features and returns
 * the provenance.
 */
@Component
public class FineTuneExecutor implements RunExecutor {

    private static final Logger log = LoggerFactory.getLogger(FineTuneExecutor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    // Resolved when used: the cohort feature provides the implementation (the app starts without it).
    private final ObjectProvider<StudyDataSource> studies;
    private final RunService runs;
    private final DataHome home;
    private final FineTuneProgressBoard board;

    FineTuneExecutor(ObjectProvider<StudyDataSource> studies, RunService runs, DataHome home,
                     FineTuneProgressBoard board) {
        this.studies = studies;
        this.runs = runs;
        this.home = home;
        this.board = board;
    }

    @Override
    public RunKind kind() {
        return RunKind.FINETUNE;
    }

    /** Where a run keeps its checkpoints. */
    public static Path checkpointDir(DataHome home, long runId) {
        return home.dir("runs", Long.toString(runId), "checkpoints");
    }

    @Override
    public RunOutcome execute(RunContext context) throws Exception {
        DjlEnvironment.configure(home.root().resolve("djl"));
        FineTuneSpec spec = FineTuneSpec.parse(context.specJson());
        StudyData data = studies.getObject().load(spec.cohortRef(), spec.task(), spec.split());
        long runId = context.runId();
        if (!spec.pretrained()) {
            log.warn("run {}: {} trained WITHOUT pretrained weights (seeded random initialisation)", runId,
                    spec.backbone());
            context.logMetrics(0, Map.of("pretrained", 0.0));
        }
        TrainingListener listener = new TrainingListener() {
            @Override
            public void checkCancelled() {
                context.checkCancelled();
            }

            @Override
            public void onProgress(TrainingProgress p) {
                board.publish(runId, p);
            }

            @Override
            public void onEpoch(int epoch, Map<String, Double> metrics) {
                context.logMetrics(epoch, metrics);
            }
        };
        FineTuneResult r;
        try {
            r = FineTuner.builder().setSpec(spec).setData(data).setCheckpointDir(checkpointDir(home, runId))
                    .optResume(context.resumed()).optListener(listener).build().run();
        } finally {
            board.done(runId);
        }
        List<CasePrediction> predictions = new ArrayList<>();
        Map<String, float[]> features = new LinkedHashMap<>();
        for (FineTuneResult.CaseOutput c : r.cases()) {
            double[] p = new double[c.probabilities().length];
            for (int i = 0; i < p.length; i++) {
                p[i] = Math.min(1, Math.max(0, c.probabilities()[i]));
            }
            SplitPart part = SplitPart.valueOf(c.part().name());
            predictions.add(data.binary() ? CasePrediction.binary(c.caseId(), part, c.label(), p[1])
                    : new CasePrediction(c.caseId(), part, c.label(), p[Math.min(1, p.length - 1)], p));
            features.put(c.caseId(), c.features());
        }
        context.savePredictions(predictions);
        runs.saveCaseFeatures(runId, features);
        // Final per-part metrics at step 0 (steps ≥ 1 are the epochs), from the stored predictions.
        Map<String, Double> finalMetrics = FinalEvaluation.metrics(predictions, data.binary());
        context.logMetrics(0, finalMetrics);
        return new RunOutcome(provenance(spec, data, r, context.resumed(), finalMetrics));
    }

    static String provenance(FineTuneSpec spec, StudyData data, FineTuneResult r, boolean resumed,
                             Map<String, Double> finalMetrics) {
        ObjectNode p = JSON.createObjectNode();
        p.put("executor", "deeplearning.finetune");
        p.set("spec", readTree(spec.toJson()));
        p.put("seed", spec.seed());
        p.put("pretrained", spec.pretrained());
        if (!spec.pretrained()) {
            p.put("warning", "trained without pretrained weights (seeded random initialisation)");
        }
        ObjectNode w = p.putObject("initialWeights");
        w.put("format", r.origin().format());
        w.put("source", r.origin().source());
        w.put("sha256", r.origin().sha256());
        w.put("bytes", r.origin().bytes());
        ObjectNode f = p.putObject("selectedWeights");
        f.put("checkpoint", r.selectedWeights().toString());
        f.put("sha256", r.selectedSha256());
        f.put("epoch", r.selectedEpoch());
        if (!Double.isNaN(r.bestValAuc())) {
            f.put("valAuc", r.bestValAuc());
        }
        ObjectNode last = p.putObject("lastWeights");
        last.put("sha256", r.lastSha256());
        last.put("epoch", r.epochsRun());
        p.put("epochsRun", r.epochsRun());
        p.put("stoppedEarly", r.stoppedEarly());
        p.put("resumed", resumed);
        p.put("resumedFromEpoch", r.resumedFromEpoch());
        p.put("cohortRef", data.cohortRef());
        p.put("task", data.task());
        p.put("splitHash", data.splitHash());
        p.putPOJO("classNames", data.classNames());
        p.put("djlVersion", ai.djl.engine.Engine.getDjlVersion());
        p.put("engine", DjlEnvironment.engine().getEngineName());
        p.put("libtorchVersion", DjlEnvironment.engine().getVersion());
        p.put("dataSeconds", r.dataSeconds());
        p.put("computeSeconds", r.computeSeconds());
        p.put("finalMetrics", "per split part at step 0: Youden threshold of the TRAIN predictions applied to "
                + "every part; AUC with DeLong 95% CI (nodus.statistics)");
        p.putPOJO("metrics", finalMetrics);
        return p.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
