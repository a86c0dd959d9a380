package de.akte.core.shared;

import java.util.List;

/** The caller's input is wrong; {@link #errors()} names the fields. */
public class InvalidInputException extends RuntimeException {

    /** One wrong field and why. */
    public record FieldError(String field, String message) {
    }

    private final transient List<FieldError> errors;

    public InvalidInputException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
