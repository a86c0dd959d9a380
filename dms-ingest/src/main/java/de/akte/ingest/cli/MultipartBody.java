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
 * memory: the parts before the file's bytes, the file, then the closing boundary.
 */
final class MultipartBody {

    private static final String CRLF = "\r\n";

    private final String boundary;
    private final Map<String, String> fields = new LinkedHashMap<>();

    MultipartBody(String boundary) {
        this.boundary = boundary;
    }

    static MultipartBody withRandomBoundary() {
        return new MultipartBody("akte-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** Adds a text field; null values are left out, as the server treats absent and empty alike. */
    MultipartBody field(String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher publisher(String fieldName, String fileName, Path file) throws FileNotFoundException {
        return BodyPublishers.concat(
                BodyPublishers.ofByteArray(head(fieldName, fileName)),
                BodyPublishers.ofFile(file),
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
