package de.akte.core.audit;

import de.akte.core.shared.Clock;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Records reads of records in the audit trail, once per user, kind of read and record within a window: a viewer
 * asks for every page image, its thumbnails and the hits of each page, and each entry serialises on the chain
 * head, so recording every request would make the trail a bottleneck of reading while adding nothing a data
 * protection officer needs. The window is per server; a zero window records every read. Runs inside the caller's
 * transaction.
 */
public class ReadAudit {

    /** How many recent reads are remembered; a forgotten one is simply recorded again. */
    private static final int REMEMBERED = 50_000;

    private final AuditTrail trail;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Instant> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    public ReadAudit(AuditTrail trail, Clock clock, Duration window) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = Objects.requireNonNull(window, "window");
    }

    /**
     * Records the read unless the same user read the same kind of the same target within the window.
     *
     * @param kind    what was read ({@code page image}, {@code text}, {@code hits}, …): reads of different kinds
     *                are recorded separately
     * @param details written to the entry; the window notes that repeated reads are folded into it
     * @return whether an entry was written
     */
    public boolean record(String actor, AuditAction action, String targetType, String targetId, String kind,
                          String details) {
        if (!window.isZero() && !firstInWindow(actor + '\u001f' + kind + '\u001f' + targetType + '\u001f'
                + targetId)) {
            return false;
        }
        trail.record(actor, action, targetType, targetId, window.isZero() ? details
                : details + " (further " + kind + " reads within " + window.toSeconds() + " s not recorded)");
        return true;
    }

    private synchronized boolean firstInWindow(String key) {
        Instant now = clock.now();
        Instant last = recent.get(key);
        if (last != null && last.plus(window).isAfter(now)) {
            return false;
        }
        // re-inserted so that the eldest entry is the least recently recorded one
        recent.remove(key);
        recent.put(key, now);
        return true;
    }
}
