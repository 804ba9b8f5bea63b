package nodus.deeplearning.weights;

import java.io.IOException;

/** A weights file that cannot be used: wrong format, truncated, or not matching the network. */
public class WeightsException extends IOException {

    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}
