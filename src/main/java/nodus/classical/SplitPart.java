package nodus.classical;

/**
 * The part of a frozen split a table belongs to. Only {@link #TRAIN} may be used to fit or tune a step;
 * {@link #VALIDATION} is used only to choose between already-fitted candidate models (see {@link LeakageGuard}).
 */
public enum SplitPart {
    TRAIN, VALIDATION, TEST
}
