package de.akte.ingest.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartBodyTest {

    @TempDir
    Path dir;

    @Test
    void bodyHasTextPartsThenTheFileBetweenBoundaries() throws Exception {
        byte[] content = {0, 1, 2, (byte) 0xFF, '\r', '\n', '-', '-'};
        Path file = Files.write(dir.resolve("scan.pdf"), content);
        MultipartBody body = new MultipartBody("XyZ")
                .field("path", "2024/Bescheid \"A\".pdf")
                .field("caseFile", null)
                .field("title", "Grüße");

        byte[] bytes = collect(body.publisher("file", "Bescheid \"A\".pdf", file));

        String expectedHead = "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"path\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "2024/Bescheid \"A\".pdf\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"title\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Grüße\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"Bescheid %22A%22.pdf\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(expectedHead.getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(content);
        expected.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(new String(expected.toByteArray(), StandardCharsets.ISO_8859_1),
                new String(bytes, StandardCharsets.ISO_8859_1));
    }

    @Test
    void announcesTheBoundaryInTheContentType() {
        assertEquals("multipart/form-data; boundary=XyZ", new MultipartBody("XyZ").contentType());
    }

    @Test
    void publisherKnowsTheLengthSoNoChunkedEncodingIsNeeded() throws Exception {
        Path file = Files.write(dir.resolve("a.bin"), new byte[1000]);
        MultipartBody body = new MultipartBody("b").field("path", "a.bin");

        BodyPublisher publisher = body.publisher("file", "a.bin", file);

        assertEquals(collect(publisher).length, publisher.contentLength());
    }

    @Test
    void randomBoundariesDiffer() {
        assertEquals(false, MultipartBody.withRandomBoundary().contentType()
                .equals(MultipartBody.withRandomBoundary().contentType()));
    }

    private static byte[] collect(BodyPublisher publisher) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }
}
