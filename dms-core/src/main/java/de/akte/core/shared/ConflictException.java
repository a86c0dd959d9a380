package de.akte.core.shared;

/** The action clashes with the current state (duplicate key, wrong status). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
