package de.akte.web.interfaces.rest;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
final class Problems {

    private Problems() {
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static Response response(int status, String slug, String title, String detail) {
        return response(Problem.of(status, slug, title, detail));
    }
}
