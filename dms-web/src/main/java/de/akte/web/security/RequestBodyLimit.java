package de.akte.web.security;

import de.akte.web.infrastructure.BodyLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Enforces {@link BodyLimits} on every request before anything reads its body: a declared length above the limit
 * is refused at once with 413 (the body is never read, the connection closed), and a body sent in chunks is
 * counted while it is read and cut off at the limit. Multipart uploads are parsed by the container itself; for
 * them the declared length is checked here and AKTE_MAX_POST_SIZE caps chunked ones.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

    // from the settings beans, not the core's: filters start with the deployment, before the core may be built
    @Inject
    private BodyLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BodyLimits.Limit limit = limits.limitFor(path(request));
        if (refuseDeclaredTooLarge(request, response, limit)) {
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Answers 413 when the declared length exceeds the limit; true if it did. */
    static boolean refuseDeclaredTooLarge(HttpServletRequest request, HttpServletResponse response,
                                          BodyLimits.Limit limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared <= limit.bytes()) {
            return false;
        }
        tooLarge(response, "the " + limit.kind() + " body of " + declared + " bytes is larger than the limit of "
                + limit.bytes() + " bytes for this path");
        return true;
    }

    static void tooLarge(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(413);
        // the unread body must not be drained to reuse the connection: close it instead
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:akte:problem:too-large\",\"title\":\"Request body too large\","
                + "\"status\":413,\"detail\":\"" + detail + "\"}");
        response.flushBuffer();
    }

    /** The request with its body counted. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final BodyLimits.Limit limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, BodyLimits.Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counting(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Counts what is read and stops with {@link BodyTooLargeException} past the limit. */
    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final BodyLimits.Limit limit;
        private long read;

        Counting(ServletInputStream in, BodyLimits.Limit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit.bytes()) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
