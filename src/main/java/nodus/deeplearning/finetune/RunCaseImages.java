package nodus.deeplearning.finetune;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nodus.cohort.Thumbnails;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.deeplearning.run.GradCamService;
import nodus.experiment.Run;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.experiment.compare.CaseImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The drill-down's case images: a thumbnail of the case's largest-lesion image with the mask outlined (the cohort's
 * thumbnail renderer), and for FINETUNE runs the Grad-CAM overlay from {@link GradCamService}. The case's files
 * are found through the study port with the run's cohort, task and split (cached for a few runs, since a table
 * asks for many cases of the same run).
 */
@Component
class RunCaseImages implements CaseImages {

    /** Thumbnail side in px: small enough for a table row. */
    static final int THUMBNAIL_PX = 96;
    private static final int CACHED_RUNS = 8;
    private static final Logger log = LoggerFactory.getLogger(RunCaseImages.class);

    private final RunService runs;
    private final ObjectProvider<StudyDataSource> studies;
    private final ObjectProvider<GradCamService> gradCams;
    private final Map<Long, Map<String, StudyCase>> casesByRun = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<String, StudyCase>> eldest) {
            return size() > CACHED_RUNS;
        }
    };

    RunCaseImages(RunService runs, ObjectProvider<StudyDataSource> studies, ObjectProvider<GradCamService> gradCams) {
        this.runs = runs;
        this.studies = studies;
        this.gradCams = gradCams;
    }

    @Override
    public Optional<String> thumbnailDataUrl(String cohortRef, String caseId, long runId) {
        return studyCase(cohortRef, caseId, runId).map(c -> dataUrl(Thumbnails.png(c.image(), c.mask(),
                THUMBNAIL_PX)));
    }

    @Override
    public Optional<String> gradCamDataUrl(String cohortRef, String caseId, long runId) {
        Optional<Run> run = runs.find(runId);
        GradCamService gradCam = gradCams.getIfAvailable();
        if (run.isEmpty() || run.get().kind() != RunKind.FINETUNE || gradCam == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(dataUrl(Files.readAllBytes(gradCam.gradCamPng(runId, caseId, null))));
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            log.debug("no Grad-CAM for case {} of run {}: {}", caseId, runId, e.getMessage());
            return Optional.empty();
        }
    }

    static String dataUrl(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private Optional<StudyCase> studyCase(String cohortRef, String caseId, long runId) {
        Map<String, StudyCase> cases;
        synchronized (casesByRun) {
            cases = casesByRun.get(runId);
        }
        if (cases == null) {
            Optional<Run> run = runs.find(runId);
            StudyDataSource source = studies.getIfAvailable();
            if (run.isEmpty() || source == null) {
                return Optional.empty();
            }
            Run r = run.get();
            try {
                StudyData data = source.load(cohortRef == null ? r.cohortRef() : cohortRef, r.task(), r.splitHash());
                cases = new LinkedHashMap<>();
                for (StudyCase c : data.cases()) {
                    cases.put(c.caseId(), c);
                }
            } catch (IllegalArgumentException e) {
                log.debug("no study for run {}: {}", runId, e.getMessage());
                return Optional.empty();
            }
            synchronized (casesByRun) {
                casesByRun.put(runId, cases);
            }
        }
        StudyCase c = cases.get(caseId);
        return c == null || !Files.isRegularFile(c.image()) ? Optional.empty() : Optional.of(c);
    }

}
