package nodus.classical;

/** Thrown when a step would be fitted or tuned on data it must never see (validation or test cases). */
public final class LeakageException extends IllegalStateException {

    public LeakageException(String message) {
        super(message);
    }
}
