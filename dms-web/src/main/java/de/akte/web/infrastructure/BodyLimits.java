package de.akte.web.infrastructure;

import java.util.regex.Pattern;

/**
 * How large a request body may be, by path: files only where files are uploaded, a little for a sign-in, xdomea
 * messages where the archive's answers arrive, and small JSON everywhere else. Checked before anyone is
 * authenticated, so nobody can make the server read a large body without being allowed to upload.
 *
 * @param uploadBytes the upload limit plus room for the multipart envelope
 */
public record BodyLimits(long uploadBytes, long jsonBytes, long loginBytes, long xdomeaBytes) {

    /** Room for the multipart boundaries and form fields around an uploaded file. */
    public static final long MULTIPART_ENVELOPE = 1024 * 1024;

    private static final Pattern UPLOAD = Pattern.compile("/api/documents(/[^/]+/versions)?/?|/api/imports/[^/]+/items/?");
    private static final Pattern XDOMEA = Pattern.compile("/api/transfers/[^/]+/(appraisal|confirmation)/?");
    private static final Pattern LOGIN = Pattern.compile("/api/auth/login/?");

    /** What kind of body a path takes, and how much of it. */
    public record Limit(long bytes, String kind) {
    }

    public static BodyLimits of(long maxUploadBytes, long jsonBytes, long loginBytes, long xdomeaBytes) {
        return new BodyLimits(maxUploadBytes + MULTIPART_ENVELOPE, jsonBytes, loginBytes, xdomeaBytes);
    }

    /** The limits the settings give (AKTE_MAX_UPLOAD_BYTES, AKTE_MAX_JSON_BYTES, …). */
    public static BodyLimits of(AkteSettings settings) {
        SecuritySettings security = settings.security();
        return of(settings.maxUploadBytes(), security.maxJsonBytes(), security.maxLoginBytes(),
                security.maxXdomeaBytes());
    }

    /** The limit for a POST, PUT or PATCH to the path (relative to the context root). */
    public Limit limitFor(String path) {
        if (UPLOAD.matcher(path).matches()) {
            return new Limit(uploadBytes, "upload");
        }
        if (LOGIN.matcher(path).matches()) {
            return new Limit(loginBytes, "sign-in");
        }
        if (XDOMEA.matcher(path).matches()) {
            return new Limit(xdomeaBytes, "xdomea message");
        }
        return new Limit(jsonBytes, "request");
    }
}
