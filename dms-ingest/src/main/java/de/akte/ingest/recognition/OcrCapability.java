package de.akte.ingest.recognition;

import de.akte.core.recognition.Capability;
import de.akte.ingest.ocr.OcrAvailability;
import de.akte.ingest.ocr.OcrSettings;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether Tesseract with the needed languages can run. A positive answer is trusted for a while; a negative one
 * is asked again each time (the probe takes milliseconds), so scans waiting for an install go ahead at once.
 */
public final class OcrCapability {

    private static final Duration TRUST = Duration.ofMinutes(1);

    private record Probed(Capability capability, long atNanos) {
    }

    private final OcrSettings settings;
    private final AtomicReference<Probed> last = new AtomicReference<>();

    public OcrCapability(OcrSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Available now, or why not. */
    public Capability current() {
        Probed probed = last.get();
        long now = System.nanoTime();
        if (probed != null && probed.capability().available() && now - probed.atNanos() < TRUST.toNanos()) {
            return probed.capability();
        }
        OcrAvailability availability = OcrAvailability.probe(settings);
        Capability capability = availability.available() ? Capability.ready() : Capability.missing(availability.reason());
        last.set(new Probed(capability, now));
        return capability;
    }
}
