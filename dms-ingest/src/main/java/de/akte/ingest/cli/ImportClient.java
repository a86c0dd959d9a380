package de.akte.ingest.cli;

import de.akte.ingest.imports.source.SourceFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The import endpoints of the Akte server ({@code /api/imports}), with retries, for the command-line client. */
final class ImportClient {

    private static final int PAGE_SIZE = 1000;

    private final ApiClient api;
    private final ServerConnection connection;
    private final RetryPolicy retries;

    ImportClient(ApiClient api, RetryPolicy retries) {
        this.api = api;
        this.connection = api.connection();
        this.retries = retries;
    }

    OpenedBatch open(String key, String source, ImportOptions options, int expectedItems) {
        ObjectNode body = api.object();
        body.put("key", key);
        body.put("source", source);
        putIfPresent(body, "caseFile", options.caseFile());
        putIfPresent(body, "department", options.department());
        putIfPresent(body, "documentType", options.documentType());
        putIfPresent(body, "scannedBy", options.scannedBy());
        body.put("expectedItems", expectedItems);
        HttpResponse<byte[]> response = sendOrStop(() -> api.postJson("/api/imports", body).build(),
                "open the import batch");
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new ImportUsageException("the server refused the import: " + problem(response));
        }
        JsonNode progress = parse(response);
        return new OpenedBatch(progress.path("id").asLong(), response.statusCode() == 200);
    }

    /** Every item the batch holds so far, by path. */
    Map<String, RemoteItem> items(long batchId) {
        Map<String, RemoteItem> items = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            int current = page;
            HttpResponse<byte[]> response = sendOrStop(() -> api.request(
                    "/api/imports/" + batchId + "/items?size=" + PAGE_SIZE + "&page=" + current).GET().build(),
                    "list the batch's items");
            if (response.statusCode() != 200) {
                throw new RunStoppedException("cannot list the batch's items: " + problem(response), null);
            }
            JsonNode body = parse(response);
            JsonNode list = body.path("items");
            for (JsonNode item : list) {
                RemoteItem remote = remoteItem(item);
                items.put(remote.path(), remote);
            }
            long total = body.path("total").asLong(0);
            if (list.isEmpty() || (long) (page + 1) * PAGE_SIZE >= total) {
                return items;
            }
        }
    }

    /** Sends one file; a refusal becomes a FAILED outcome, a server gone for good stops the run. */
    ItemOutcome upload(long batchId, SourceFile file, UploadFields fields, Integer pages) {
        MultipartBody body = MultipartBody.withRandomBoundary()
                .field("path", file.path())
                .field("sha256", file.sha256())
                .field("caseFile", fields.caseFile())
                .field("department", fields.department())
                .field("documentType", fields.documentType())
                .field("title", fields.title())
                .field("documentDate", fields.documentDate() == null ? null : fields.documentDate().toString());
        String fileName = file.path().substring(file.path().lastIndexOf('/') + 1);
        HttpResponse<byte[]> response;
        try {
            response = send(() -> {
                try {
                    return api.request("/api/imports/" + batchId + "/items")
                            .header("Content-Type", body.contentType())
                            .POST(body.publisher("file", fileName, file.file()))
                            .build();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (TransientFailure e) {
            return ItemOutcome.failed(file.path(), pages, e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            return ItemOutcome.failed(file.path(), pages, "cannot read the file: " + e.getCause().getMessage());
        }
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            JsonNode item = parse(response);
            String state = item.path("state").asText(ItemOutcome.IMPORTED);
            Long documentId = item.hasNonNull("documentId") ? item.get("documentId").asLong() : null;
            String reason = status == 200 && ItemOutcome.IMPORTED.equals(state) ? ItemOutcome.ALREADY_IMPORTED : null;
            return new ItemOutcome(file.path(), state, documentId, pages, reason);
        }
        return ItemOutcome.failed(file.path(), pages, problem(response));
    }

    void complete(long batchId) {
        HttpResponse<byte[]> response = sendOrStop(() -> api.request("/api/imports/" + batchId + "/complete")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), "complete the batch");
        if (response.statusCode() != 200) {
            throw new RunStoppedException("cannot complete the batch: " + problem(response), null);
        }
    }

    private HttpResponse<byte[]> sendOrStop(Supplier<HttpRequest> request, String what) {
        try {
            return send(request);
        } catch (TransientFailure e) {
            throw new RunStoppedException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends with retries on 5xx and broken connections. 401/403 and a server that stays unreachable stop the run;
     * other persistent trouble becomes a {@link TransientFailure} for the caller to record.
     */
    private HttpResponse<byte[]> send(Supplier<HttpRequest> request) throws TransientFailure {
        String lastProblem = null;
        IOException lastError = null;
        for (int attempt = 0; attempt < retries.attempts(); attempt++) {
            if (attempt > 0) {
                pause(retries.delays().get(attempt - 1));
            }
            try {
                HttpResponse<byte[]> response = api.send(request.get());
                int status = response.statusCode();
                if (status == 401) {
                    throw new RunStoppedException("the server refused the login of user " + connection.user()
                            + " (HTTP 401); check the user name and AKTE_PASSWORD", null);
                }
                if (status == 403) {
                    throw new RunStoppedException("user " + connection.user()
                            + " may not import (HTTP 403); the role SCANNER or ADMIN is needed", null);
                }
                if (status < 500) {
                    return response;
                }
                lastProblem = problem(response);
                lastError = null;
            } catch (IOException e) {
                lastError = e;
                lastProblem = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunStoppedException("interrupted", e);
            }
        }
        if (unreachable(lastError)) {
            throw new RunStoppedException("the server " + connection.server() + " is not reachable ("
                    + lastProblem + ")", lastError);
        }
        throw new TransientFailure(lastProblem + " (after " + retries.attempts() + " attempts)", lastError);
    }

    private static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isBlank())) {
            // the JDK's HttpClient leaves the message empty for a refused connection
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "no answer to the connection attempt";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getCause() != null && e.getCause().getMessage() != null
                    ? e.getCause().getMessage() : e.getClass().getSimpleName();
        }
        return message;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunStoppedException("interrupted", e);
        }
    }

    private String problem(HttpResponse<byte[]> response) {
        return api.problem(response);
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return api.json(response);
        } catch (IOException e) {
            throw new RunStoppedException("the server's answer is not JSON (HTTP " + response.statusCode()
                    + "); is " + connection.server() + " an Akte server?", e);
        }
    }

    private static RemoteItem remoteItem(JsonNode item) {
        return new RemoteItem(item.path("path").asText(), item.path("sha256").asText(null),
                item.path("state").asText(null),
                item.hasNonNull("documentId") ? item.get("documentId").asLong() : null,
                item.hasNonNull("pages") ? item.get("pages").asInt() : null,
                item.path("reason").asText(null));
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }

    /** A request that kept failing with 5xx or I/O errors while the server as such stayed reachable. */
    static final class TransientFailure extends Exception {
        TransientFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
