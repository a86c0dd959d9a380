package de.akte.web.interfaces.rest;

import de.akte.core.shared.InvalidInputException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.NotSupportedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A multipart/form-data request as the servlet container parsed it: large parts are spooled to
 * disk by the container, so an upload of any size is streamed, never held in memory.
 */
final class MultipartForm implements AutoCloseable {

    private static final int MAX_FIELD_BYTES = 64 * 1024;

    private final HttpServletRequest request;

    private MultipartForm(HttpServletRequest request) {
        this.request = request;
    }

    static MultipartForm of(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            throw new NotSupportedException("send the file as multipart/form-data");
        }
        return new MultipartForm(request);
    }

    /** The uploaded file part; a 400 if it is missing or has no file name. */
    Part file(String name) {
        Part part = part(name);
        if (part == null) {
            throw new InvalidInputException(name, "the request needs a file in the form field '" + name + "'");
        }
        if (part.getSubmittedFileName() == null) {
            throw new InvalidInputException(name, "the form field '" + name + "' must be a file with a file name");
        }
        return part;
    }

    /** A text field, or null when absent. */
    String text(String name) {
        Part part = part(name);
        if (part == null) {
            return null;
        }
        if (part.getSize() > MAX_FIELD_BYTES) {
            throw new InvalidInputException(name, "the form field '" + name + "' is too long");
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Part part(String name) {
        try {
            return request.getPart(name);
        } catch (ServletException e) {
            throw new InvalidInputException("file", "the multipart request could not be read: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("file", "the request is larger than the server accepts");
        } catch (IOException e) {
            throw new UncheckedIOException("the upload was interrupted", e);
        }
    }

    /** Removes the container's spool files at once rather than at the end of the request. */
    @Override
    public void close() {
        try {
            for (Part p : request.getParts()) {
                p.delete();
            }
        } catch (IOException | ServletException | IllegalStateException e) {
            // spool files are also removed by the container when the request ends
        }
    }
}
