package de.akte.core;

import de.akte.core.application.documents.UploadLimits;
import de.akte.core.application.filing.FilingPolicy;
import de.akte.core.application.processing.ProcessingPolicy;
import de.akte.core.health.HealthLimits;
import de.akte.core.security.HashingGate;
import de.akte.core.security.ThrottlePolicy;
import de.akte.core.xdomea.Sender;

import java.time.Duration;

/**
 * The settings the core's services take, as the product's start-up settings (or a test) give them.
 *
 * @param passwordIterations PBKDF2 iterations for new password hashes
 * @param readAuditWindow    how long a read of the same kind by the same user is recorded once; zero records all
 * @param uploads            how large an uploaded file may be
 * @param filing             how sure a prediction must be to file a document without asking a clerk
 * @param processing         leases, backoff, attempts and crash limit of the processing workers
 * @param worm               whether the storage enforces retention and legal holds (off for S3 without Object Lock)
 * @param xdomeaSender       who signs the xdomea messages to the archive
 * @param signIn             throttling, password hashing and token lifetimes
 * @param health             the thresholds of the health check
 */
public record CoreSettings(int passwordIterations, Duration readAuditWindow, UploadLimits uploads, FilingPolicy filing,
                           ProcessingPolicy processing, boolean worm, Sender xdomeaSender, SignIn signIn,
                           HealthLimits health) {

    /**
     * Signing in: throttles per account and per address, how many password hashes run at once and how long one
     * waits for its turn, and how long an API token lives (idle and at most).
     */
    public record SignIn(ThrottlePolicy accountThrottle, ThrottlePolicy addressThrottle, int hashConcurrency,
                         Duration hashWait, Duration tokenLifetime, Duration tokenMaxLifetime) {

        /** The product's defaults. */
        public static SignIn defaults() {
            return new SignIn(ThrottlePolicy.accountDefaults(), ThrottlePolicy.addressDefaults(),
                    HashingGate.defaultConcurrency(),
                    Duration.ofSeconds(5), Duration.ofHours(12), Duration.ofDays(30));
        }
    }
}
