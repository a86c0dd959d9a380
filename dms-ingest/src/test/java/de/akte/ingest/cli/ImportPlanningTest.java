package de.akte.ingest.cli;

import de.akte.ingest.imports.source.SourceFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportPlanningTest {

    @Test
    void manifestValuesOverrideCommandLineDefaultsFieldByField() {
        ImportOptions options = ImportOptions.standard().withCaseFile("AZ default").withDepartment("BAU");
        ManifestRow row = new ManifestRow(2, "a.pdf", "AZ 9", null, "Bescheid", "Titel", LocalDate.of(2024, 1, 2));

        UploadFields fields = UploadFields.of(options, row);

        assertEquals(new UploadFields("AZ 9", "BAU", "Bescheid", "Titel", LocalDate.of(2024, 1, 2)), fields);
        assertEquals(new UploadFields("AZ default", "BAU", null, null, null), UploadFields.of(options, null));
    }

    @Test
    void reportsRowsWithoutFileAndFilesWithoutRow() {
        Manifest manifest = new ManifestParser().parse("file\na.pdf\nmissing.pdf\n", "m.csv");
        List<SourceFile> files = List.of(file("a.pdf"), file("extra.pdf"));

        List<String> mismatches = BatchUploader.mismatches(manifest, files);

        assertEquals(2, mismatches.size());
        assertTrue(mismatches.get(0).contains("line 3") && mismatches.get(0).contains("missing.pdf"));
        assertTrue(mismatches.get(1).startsWith("extra.pdf"));
    }

    @Test
    void onlySameContentImportedOrDuplicateCountsAsAlreadyHeld() {
        SourceFile file = file("a.pdf");

        assertTrue(new RemoteItem("a.pdf", "ABC", "IMPORTED", 1L, 1, null).alreadyHolds(file));
        assertTrue(new RemoteItem("a.pdf", "abc", "DUPLICATE", 1L, 1, null).alreadyHolds(file));
        assertFalse(new RemoteItem("a.pdf", "abc", "FAILED", null, null, "x").alreadyHolds(file));
        assertFalse(new RemoteItem("a.pdf", "def", "IMPORTED", 1L, 1, null).alreadyHolds(file));
    }

    @Test
    void exitCodeIsThreeWhenStoppedOneWhenAnythingFailedElseZero() {
        ItemOutcome failed = ItemOutcome.failed("x", null, "bad");
        assertEquals(0, report(List.of(), null).exitCode());
        assertEquals(1, report(List.of(failed), null).exitCode());
        assertEquals(3, report(List.of(failed), "server gone").exitCode());
    }

    @Test
    void passwordComesFromTheEnvironmentElseNoTerminalIsAUsageError() {
        assertEquals("geheim", new PasswordPrompt(Map.of("AKTE_PASSWORD", "geheim"), null).password("u"));
        ImportUsageException error = assertThrows(ImportUsageException.class,
                () -> new PasswordPrompt(Map.of(), null).password("u"));
        assertTrue(error.getMessage().contains("AKTE_PASSWORD"));
    }

    @Test
    void connectionNeverShowsThePassword() {
        assertFalse(new ServerConnection(java.net.URI.create("http://x"), "u", "geheim").toString().contains("geheim"));
    }

    @Test
    void standardOptionsUseTwoThreadsAndNoDefaults() {
        ImportOptions options = ImportOptions.standard();
        assertEquals(2, options.threads());
        assertNull(options.caseFile());
        assertEquals(Path.of("m.csv"), options.withManifest(Path.of("m.csv")).manifest());
        assertThrows(IllegalArgumentException.class, () -> options.withThreads(0));
    }

    private static ImportReport report(List<ItemOutcome> failed, String stopReason) {
        return new ImportReport(List.of(), List.of(), List.of(), failed, List.of(), 1L, false, stopReason);
    }

    private static SourceFile file(String path) {
        return new SourceFile(path, Path.of(path), 1, "abc");
    }
}
