package de.akte.core.health;

import java.time.Duration;

/**
 * From when health calls a component degraded or down.
 *
 * @param processingWait   a document due for processing longer than this: processing DEGRADED
 * @param indexingWait     a committed change not in the index after this long: indexing DEGRADED
 * @param workerSilence    a worker that has not run its loop for this long: DEGRADED
 * @param fatalMemory      how long an OutOfMemoryError (or stack overflow) in a worker keeps memory DEGRADED
 * @param heapDegraded     share of the maximum heap still in use after the last collection: DEGRADED from here
 * @param heapDown         the same share from which the server counts as DOWN
 */
public record HealthLimits(Duration processingWait, Duration indexingWait, Duration workerSilence,
                           Duration fatalMemory, double heapDegraded, double heapDown) {

    public static HealthLimits defaults() {
        return new HealthLimits(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofMinutes(2),
                Duration.ofMinutes(15), 0.90, 0.98);
    }
}
