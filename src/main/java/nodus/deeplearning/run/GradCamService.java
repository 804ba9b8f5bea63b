package nodus.deeplearning.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nodus.base.config.DataHome;
import nodus.cohort.study.StudyCase;
import nodus.cohort.study.StudyData;
import nodus.cohort.study.StudyDataSource;
import nodus.deeplearning.DjlEnvironment;
import nodus.deeplearning.backbone.Backbone;
import nodus.deeplearning.data.RoiPreprocessor;
import nodus.deeplearning.gradcam.CamModel;
import nodus.deeplearning.gradcam.GradCam;
import nodus.deeplearning.gradcam.GradCamResult;
import nodus.deeplearning.gradcam.OverlayPng;
import nodus.deeplearning.training.FineTuneSpec;
import nodus.deeplearning.weights.NodusCheckpoint;
import nodus.experiment.RunKind;
import nodus.experiment.RunService;
import nodus.imaging.GrayImage;
import nodus.imaging.ImageFiles;
import nodus.imaging.Mask;
import nodus.imaging.RoiCrop;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Grad-CAM of a finished fine-tuning run for one case, for the run page: the heat map of the run's selected
 * weights (best validation AUC) over the case's lesion ROI, as a PNG with a colour-map legend, cached in
 * {@code <data home>/runs/<id>/gradcam/}.
 */
@Service
public class GradCamService {

    private final RunService runs;
    // Resolved when used: the cohort feature provides the implementation (the app starts without it).
    private final ObjectProvider<StudyDataSource> studies;
    private final DataHome home;

    GradCamService(RunService runs, ObjectProvider<StudyDataSource> studies, DataHome home) {
        this.runs = runs;
        this.studies = studies;
        this.home = home;
    }

    /**
     * @param classIndex the explained class; null explains the positive class (index 1) of a binary task
     * @return the PNG file
     */
    @PermitAll
    public Path gradCamPng(long runId, String caseId, Integer classIndex) throws IOException {
        var run = runs.find(runId).orElseThrow(() -> new IllegalArgumentException("no run with id " + runId));
        if (run.kind() != RunKind.FINETUNE) {
            throw new IllegalArgumentException("run " + runId + " is a " + run.kind() + " run; Grad-CAM needs a "
                    + "fine-tuned network");
        }
        FineTuneSpec spec = FineTuneSpec.parse(runs.spec(runId).orElseThrow());
        int cls = classIndex == null ? 1 : classIndex;
        Path png = home.dir("runs", Long.toString(runId), "gradcam")
                .resolve(caseId.replaceAll("[^A-Za-z0-9._-]", "_") + "-class" + cls + ".png");
        if (Files.isRegularFile(png)) {
            return png;
        }
        Path dir = FineTuneExecutor.checkpointDir(home, runId);
        Path manifest = Files.isRegularFile(dir.resolve("best/model.json")) ? dir.resolve("best/model.json")
                : dir.resolve("last/model.json");
        if (!Files.isRegularFile(manifest)) {
            throw new IllegalStateException("run " + runId + " has no trained network yet");
        }
        StudyData data = studies.getObject().load(spec.cohortRef(), spec.task(), spec.split());
        StudyCase c = data.cases().stream().filter(x -> x.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("run " + runId + " has no case " + caseId));
        GrayImage image = ImageFiles.readImage(c.image());
        Mask mask = ImageFiles.readMask(c.mask(), null);
        int s = spec.imageSize();
        float[] grey = RoiPreprocessor.prepare(image, mask, s, RoiPreprocessor.DEFAULT_MARGIN_PX);
        float[] rgb = new float[3 * s * s];
        for (int ch = 0; ch < 3; ch++) {
            System.arraycopy(grey, 0, rgb, ch * s * s, s * s);
        }
        DjlEnvironment.configure(home.root().resolve("djl"));
        try (NDManager m = DjlEnvironment.engine().newBaseManager()) {
            Backbone net = NodusCheckpoint.load(manifest, m).backbone();
            NDArray x = m.create(rgb, new Shape(1, 3, s, s));
            GradCamResult cam = GradCam.explain(CamModel.of(net), new ParameterStore(m, false), x, cls);
            GrayImage roi = RoiCrop.largestLesion(image, mask, RoiPreprocessor.DEFAULT_MARGIN_PX).image();
            String name = cls < data.classNames().size() ? data.classNames().get(cls) : "class " + cls;
            OverlayPng.write(roi, cam, 0.4, "Grad-CAM: " + name, png);
        }
        return png;
    }
}
