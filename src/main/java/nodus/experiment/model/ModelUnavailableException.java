package nodus.experiment.model;

/**
 * A provider cannot write this run's model (e.g. the checkpoint was deleted, or the spec is not one it can refit):
 * the export goes on without weights and records this message as the reason.
 */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
