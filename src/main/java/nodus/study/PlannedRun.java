package nodus.study;

import java.util.List;
import nodus.experiment.RunKind;

/**
 * One run a study needs: its key within the study ({@code task|variant}), kind, task, display name, its spec as
 * canonical JSON and the keys of the runs it waits for. A COMBINED run that uses deep features gets the FINETUNE
 * run's id written into its spec when it is launched ({@link StudyPlanner#withDeepFeatureRun}).
 */
public record PlannedRun(String key, RunKind kind, String task, String name, String specJson, long seed,
                         List<String> dependsOn, String deepFeaturesFrom) {
    public PlannedRun {
        dependsOn = List.copyOf(dependsOn);
    }

    public static String key(String task, String variant) {
        return task + "|" + variant;
    }
}
