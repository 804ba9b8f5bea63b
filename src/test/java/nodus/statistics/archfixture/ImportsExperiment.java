package nodus.statistics.archfixture;

import nodus.experiment.Experiment;

/** Breaks the rule "statistics imports no other feature" on purpose, for ArchitectureTest. Test code only. */
public class ImportsExperiment {
    public String name(Experiment experiment) {
        return experiment.name();
    }
}
