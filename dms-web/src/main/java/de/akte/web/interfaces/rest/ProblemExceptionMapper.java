package de.akte.web.interfaces.rest;

import de.akte.core.application.documents.UnacceptableContentException;
import de.akte.core.recognition.PageTooLargeException;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.security.HashingGate;
import de.akte.core.storage.BlobTooLargeException;
import de.akte.web.infrastructure.Outages;
import de.akte.web.security.ApiAuthenticationMechanism;
import de.akte.web.security.BodyTooLargeException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import de.akte.core.recognition.ReaderCrashedException;
import de.akte.core.text.UnreadableContentException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error becomes problem+json: the caller's mistakes as 4xx with a reason, outages (a full disk, storage or
 * database out of reach) as 507/503, anything unforeseen as a 500 with an incident id and no internals.
 */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        Throwable cause = decisive(e);
        // a body cut off at its limit surfaces wrapped in whatever was reading it (JSON, XML, a form)
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                cause = t;
                break;
            }
        }
        if (cause instanceof InvalidInputException invalid) {
            return Problems.response(new Problem("urn:akte:problem:invalid-input", "Invalid input", 400,
                    invalid.getMessage(), invalid.errors().stream()
                    .map(f -> new Problem.FieldProblem(f.field(), f.message())).toList()));
        }
        if (cause instanceof NotFoundException) {
            return Problems.response(404, "not-found", "Not found", cause.getMessage());
        }
        if (cause instanceof ForbiddenException) {
            return Problems.response(403, "forbidden", "Forbidden", cause.getMessage());
        }
        if (cause instanceof ConflictException) {
            return Problems.response(409, "conflict", "Conflict", cause.getMessage());
        }
        if (cause instanceof BlobTooLargeException tooLarge) {
            return Problems.response(413, "too-large", "File too large",
                    "the file is larger than the limit of " + tooLarge.limit() + " bytes");
        }
        if (cause instanceof BodyTooLargeException tooLarge) {
            return Response.fromResponse(Problems.response(413, "too-large", "Request body too large",
                    tooLarge.getMessage())).header("Connection", "close").build();
        }
        if (cause instanceof HashingGate.BusyException busy) {
            return Response.fromResponse(Problems.response(503, "busy", "Service Unavailable", busy.getMessage()))
                    .header("Retry-After", ApiAuthenticationMechanism.seconds(busy.retryAfter())).build();
        }
        if (cause instanceof UnacceptableContentException) {
            return Problems.response(415, "unacceptable-content", "Content not accepted", cause.getMessage());
        }
        if (cause instanceof PageTooLargeException) {
            return Problems.response(422, "page-too-large", "Page image too large", cause.getMessage());
        }
        if (cause instanceof UnreadableContentException || cause instanceof ReaderCrashedException) {
            // a page the viewer asked for that its file's reader could not render: the file's fault, said as such
            return Problems.response(422, "unrenderable", "Cannot be shown", cause.getMessage());
        }
        if (cause instanceof ProcessingException || cause instanceof JsonbException) {
            return Problems.response(400, "unreadable-body", "Bad Request",
                    "the request body is not valid JSON of the expected shape");
        }
        if (cause instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() < 500) {
            return fromFramework(web);
        }
        Optional<Outages.Outage> outage = Outages.of(e);
        if (outage.isPresent()) {
            LOG.log(Level.WARNING, "request refused during an outage: " + e);
            Outages.Outage o = outage.get();
            return Response.fromResponse(Problems.response(o.status(), o.slug(), o.title(), o.detail()))
                    .header("Retry-After", Integer.toString(o.retryAfterSeconds())).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected error, incident " + incident, e);
        return Problems.response(500, "internal-error", "Internal error",
                "something went wrong on our side; the administrator finds it in the log under incident " + incident);
    }

    /** Transactions and interceptors wrap the real exception; the innermost known one decides. */
    private static Throwable decisive(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (t instanceof InvalidInputException || t instanceof NotFoundException || t instanceof ForbiddenException
                    || t instanceof ConflictException || t instanceof BlobTooLargeException
                    || t instanceof UnacceptableContentException || t instanceof WebApplicationException
                    || t instanceof ProcessingException || t instanceof JsonbException
                    || t instanceof UnreadableContentException || t instanceof ReaderCrashedException
                    || t instanceof PageTooLargeException
                    || t instanceof BodyTooLargeException || t instanceof HashingGate.BusyException) {
                return t;
            }
            t = t.getCause();
        }
        return e;
    }

    private static Response fromFramework(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "the request could not be read" + firstLine(e);
            case 401 -> "sign in first: HTTP Basic or a bearer token";
            case 404 -> "no such resource";
            case 405 -> "this method is not allowed here";
            case 406 -> "the requested representation is not available";
            case 415 -> "unsupported content type" + firstLine(e);
            default -> title;
        };
        return Response.fromResponse(original).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, detail)).build();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.startsWith("HTTP ")) {
            return "";
        }
        // framework messages may name classes; keep them short
        String first = m.lines().findFirst().orElse("");
        return ": " + (first.length() > 200 ? first.substring(0, 200) : first);
    }
}
