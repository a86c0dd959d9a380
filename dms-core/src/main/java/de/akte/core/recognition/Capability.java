package de.akte.core.recognition;

/** Whether an optional capability (such as OCR) is available, with a reason for people when it is not. */
public record Capability(boolean available, String reason) {

    public static Capability ready() {
        return new Capability(true, "available");
    }

    public static Capability missing(String reason) {
        return new Capability(false, reason);
    }
}
