package de.akte.web.interfaces.rest;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error answer. */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    /** One wrong input field. */
    public record FieldProblem(String field, String message) {
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem("urn:akte:problem:" + slug, title, status, detail, null);
    }
}
