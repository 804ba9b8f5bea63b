package nodus.integration.mlflow;

/** A failed MLflow call: the HTTP status (0 when the server could not be reached) and MLflow's error code. */
public class MlflowException extends RuntimeException {

    private final int status;
    private final String errorCode;

    MlflowException(int status, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    boolean is(String code) {
        return code.equals(errorCode);
    }
}
