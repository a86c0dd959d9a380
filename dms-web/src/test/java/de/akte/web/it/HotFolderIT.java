package de.akte.web.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot folder of the server under test: files that settle are imported and moved to done/ or error/. */
class HotFolderIT {

    private static final ApiClient ADMIN = ApiClient.admin();
    private static final Path HOT = Path.of(System.getProperty("akte.it.hotFolder", "target/it-data-hotfolder"));

    @BeforeAll
    static void departments() {
        // files at the top go to "eingang" (the server's AKTE_HOT_FOLDER_DEPARTMENT)
        int status = ADMIN.postJson("/api/departments", "{\"code\":\"eingang\",\"name\":\"Posteingang\"}").status();
        assertTrue(status == 201 || status == 409, "department eingang: " + status);
    }

    @Test
    void aSettledFileIsImportedAndMovedToDone() throws IOException {
        String token = "Heissordner" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9]", "x");
        Files.createDirectories(HOT);
        Path dropped = HOT.resolve(token + ".pdf");
        Files.write(dropped, RecordStoreApiIT.pdf("Eingescannt im Posteingang " + token));

        Path done = HOT.resolve("done").resolve(token + ".pdf");
        awaitFile(done);
        assertFalse(Files.exists(dropped));
        JsonObject hits = ADMIN.awaitSearch(token, 1);
        assertEquals("eingang", hits.getJsonArray("items").getJsonObject(0).getString("department"));
    }

    @Test
    void aRefusedFileGoesToErrorWithItsReason() throws IOException {
        String name = "unbekannt-" + UUID.randomUUID().toString().substring(0, 6) + ".pdf";
        Path folder = Files.createDirectories(HOT.resolve("keine-abteilung"));
        Files.write(folder.resolve(name), RecordStoreApiIT.pdf("Falsch abgelegt"));

        Path reason = HOT.resolve("error/keine-abteilung/" + name + ".reason.txt");
        awaitFile(reason);
        assertTrue(Files.exists(HOT.resolve("error/keine-abteilung/" + name)));
        String text = Files.readString(reason, StandardCharsets.UTF_8);
        assertTrue(text.contains("keine-abteilung"), text);
    }

    private static void awaitFile(Path file) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError(file + " did not appear within a minute");
    }
}
