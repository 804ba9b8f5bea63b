package nodus.experiment.tracking;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delivery timing: the first retry after {@code nodus.tracking.retry-initial} (default 2 s), doubling per failed
 * attempt up to {@code nodus.tracking.retry-max} (default 5 min); idle polling every {@code nodus.tracking.poll}
 * (default 5 s, new work wakes the worker at once). {@code nodus.tracking.delivery-enabled=false} stops the
 * background worker (entries are still recorded).
 */
@Component
public class TrackingSettings {

    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration poll;
    private final boolean deliveryEnabled;

    TrackingSettings(@Value("${nodus.tracking.retry-initial:PT2S}") Duration retryInitial,
                     @Value("${nodus.tracking.retry-max:PT5M}") Duration retryMax,
                     @Value("${nodus.tracking.poll:PT5S}") Duration poll,
                     @Value("${nodus.tracking.delivery-enabled:true}") boolean deliveryEnabled) {
        if (retryInitial.isNegative() || retryInitial.isZero() || retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("nodus.tracking.retry-initial must be > 0 and ≤ retry-max");
        }
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.poll = poll;
        this.deliveryEnabled = deliveryEnabled;
    }

    /** Exponential back-off: initial × 2^(attempt − 1), capped at the maximum. */
    Duration backoff(int attempt) {
        int shift = Math.min(Math.max(attempt - 1, 0), 30);
        Duration d = retryInitial.multipliedBy(1L << shift);
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    Duration poll() {
        return poll;
    }

    boolean deliveryEnabled() {
        return deliveryEnabled;
    }
}
