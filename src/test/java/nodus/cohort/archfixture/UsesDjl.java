package nodus.cohort.archfixture;

import ai.djl.ndarray.NDManager;

/** Breaks the rule "only deeplearning imports DJL" on purpose, for ArchitectureTest. Test code only. */
public class UsesDjl {
    public NDManager manager() {
        return null;
    }
}
