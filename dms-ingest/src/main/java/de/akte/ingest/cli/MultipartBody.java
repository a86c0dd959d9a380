package de.akte.ingest.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A multipart/form-data body of text fields and one file that streams the file from disk instead of holding it in
 * memory: the parts before the file's bytes, the file, then the closing boundary. Used by the import and the
 * benchmarks' uploads.
 */
public final class MultipartBody {

    private static final String CRLF = "\r\n";

    private final String boundary;
    private final Map<String, String> fields = new LinkedHashMap<>();

    MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    public static MultipartBody withRandomBoundary() {
        return new MultipartBody("akte-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Adds a text field; null values are left out, as the server treats absent and empty alike. */
    public MultipartBody field(String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The body with the file's bytes read from disk as they are sent. */
    public BodyPublisher publisher(String fieldName, String fileName, Path file) throws FileNotFoundException {
        return BodyPublishers.concat(
                BodyPublishers.ofByteArray(head(fieldName, fileName)),
                BodyPublishers.ofFile(file),
                BodyPublishers.ofByteArray(tail()));
    }

    /** The body with content already in memory as the file. */
    public BodyPublisher publisher(String fieldName, String fileName, byte[] content) {
        return BodyPublishers.concat(
                BodyPublishers.ofByteArray(head(fieldName, fileName)),
                BodyPublishers.ofByteArray(content),
                BodyPublishers.ofByteArray(tail()));
    }

    /** The text parts and the file part's headers. */
    byte[] head(String fieldName, String fileName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(out, "--" + boundary + CRLF
                    + "Content-Disposition: form-data; name=\"" + quoted(field.getKey()) + "\"" + CRLF
                    + "Content-Type: text/plain; charset=UTF-8" + CRLF + CRLF
                    + field.getValue() + CRLF);
        }
        write(out, "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"" + quoted(fieldName) + "\"; filename=\"" + quoted(fileName)
                + "\"" + CRLF
                + "Content-Type: application/octet-stream" + CRLF + CRLF);
        return out.toByteArray();
    }

    byte[] tail() {
        return (CRLF + "--" + boundary + "--" + CRLF).getBytes(StandardCharsets.US_ASCII);
    }

    /** Percent-encodes what would end the quoted string or the header line, as browsers do (RFC 7578 section 4.2). */
    static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
