package de.akte.ingest.hotfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotFolderTest {

    private static final Duration SETTLE_TIME = Duration.ofSeconds(5);
    private static final Duration LONG_AGO = Duration.ofMinutes(1);

    @TempDir
    Path temp;

    private Path root;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final RecordingImporter importer = new RecordingImporter();
    private HotFolder hotFolder;

    @BeforeEach
    void createHotFolder() {
        root = temp.resolve("scan-inbox");
        hotFolder = new HotFolder(new HotFolderSettings(root, SETTLE_TIME), importer, clock);
        hotFolder.scan();
    }

    @Test
    void createsTheHotFolderWithItsDoneAndErrorFolders() {
        assertTrue(Files.isDirectory(root.resolve("done")));
        assertTrue(Files.isDirectory(root.resolve("error")));
    }

    @Test
    void aSettledFileIsImportedAndMovedToDone() throws IOException {
        drop("scan.pdf", "page one", LONG_AGO);

        ScanResult firstSight = hotFolder.scan();
        ScanResult settled = hotFolder.scan();

        assertEquals(new ScanResult(List.of(), List.of(), 1), firstSight);
        assertEquals(new ScanResult(List.of("scan.pdf"), List.of(), 0), settled);
        assertEquals(List.of(new RecordingImporter.Call("scan.pdf", "page one")), importer.calls());
        assertFalse(Files.exists(root.resolve("scan.pdf")));
        assertEquals("page one", Files.readString(root.resolve("done/scan.pdf")));
        assertEquals(new ScanResult(List.of(), List.of(), 0), hotFolder.scan());
    }

    @Test
    void aGrowingFileIsNotImportedUntilItStopsGrowing() throws IOException {
        drop("batch.pdf", "page one", Duration.ZERO);
        hotFolder.scan();
        for (String page : List.of(" page two", " page three")) {
            clock.advance(Duration.ofSeconds(2));
            append("batch.pdf", page);
            assertEquals(1, hotFolder.scan().waiting());
        }
        clock.advance(SETTLE_TIME);

        assertEquals(List.of("batch.pdf"), hotFolder.scan().imported());
        assertEquals(List.of(new RecordingImporter.Call("batch.pdf", "page one page two page three")),
                importer.calls());
    }

    @Test
    void aFileThatGrowsWithinTheModificationTimeGranularityStillWaits() throws IOException {
        drop("batch.pdf", "page one", LONG_AGO);
        hotFolder.scan();
        FileTime unchanged = Files.getLastModifiedTime(root.resolve("batch.pdf"));
        append("batch.pdf", " page two");
        Files.setLastModifiedTime(root.resolve("batch.pdf"), unchanged);

        assertEquals(new ScanResult(List.of(), List.of(), 1), hotFolder.scan());
        assertEquals(List.of("batch.pdf"), hotFolder.scan().imported());
    }

    @Test
    void aFileYoungerThanTheSettleTimeWaits() throws IOException {
        drop("scan.pdf", "page one", Duration.ofSeconds(1));

        assertEquals(1, hotFolder.scan().waiting());
        assertEquals(1, hotFolder.scan().waiting());
        clock.advance(Duration.ofSeconds(3));
        assertEquals(1, hotFolder.scan().waiting());
        clock.advance(Duration.ofSeconds(1));

        assertEquals(List.of("scan.pdf"), hotFolder.scan().imported());
    }

    @Test
    void aRejectedFileGoesToErrorWithItsReasonBesideIt() throws IOException {
        drop("bad.pdf", "garbage", LONG_AGO);
        importer.reject("bad.pdf", "Datei ist beschädigt: kein gültiges PDF");

        hotFolder.scan();
        ScanResult result = hotFolder.scan();

        assertEquals(new ScanResult(List.of(), List.of("bad.pdf"), 0), result);
        assertFalse(Files.exists(root.resolve("bad.pdf")));
        assertEquals("garbage", Files.readString(root.resolve("error/bad.pdf")));
        String reason = Files.readString(root.resolve("error/bad.pdf.reason.txt"), StandardCharsets.UTF_8);
        assertTrue(reason.contains("Datei ist beschädigt: kein gültiges PDF"), reason);
        assertTrue(reason.contains(clock.instant().toString()), reason);
        assertTrue(reason.contains("bad.pdf"), reason);
        assertEquals(new ScanResult(List.of(), List.of(), 0), hotFolder.scan());
    }

    @Test
    void aTransientFailureLeavesTheFileAndALaterScanImportsIt() throws IOException {
        drop("scan.pdf", "page one", LONG_AGO);
        importer.fail("scan.pdf", 2);
        hotFolder.scan();

        assertEquals(new ScanResult(List.of(), List.of(), 1), hotFolder.scan());
        assertEquals(new ScanResult(List.of(), List.of(), 1), hotFolder.scan());
        assertTrue(Files.exists(root.resolve("scan.pdf")));

        assertEquals(List.of("scan.pdf"), hotFolder.scan().imported());
        assertTrue(Files.exists(root.resolve("done/scan.pdf")));
    }

    @Test
    void oneFailingFileDoesNotHoldUpTheOthers() throws IOException {
        drop("a.pdf", "a", LONG_AGO);
        drop("b.pdf", "b", LONG_AGO);
        drop("c.pdf", "c", LONG_AGO);
        importer.fail("a.pdf", Integer.MAX_VALUE);
        importer.reject("b.pdf", "leer");
        hotFolder.scan();

        assertEquals(new ScanResult(List.of("c.pdf"), List.of("b.pdf"), 1), hotFolder.scan());
    }

    @Test
    void aNameAlreadyTakenInDoneGetsANumberBeforeTheExtension() throws IOException {
        Files.writeString(root.resolve("done/scan.pdf"), "earlier scan");
        Files.writeString(root.resolve("done/scan-1.pdf"), "even earlier scan");
        Files.writeString(root.resolve("done/notes"), "earlier notes");
        drop("scan.pdf", "new scan", LONG_AGO);
        drop("notes", "new notes", LONG_AGO);

        hotFolder.scan();
        hotFolder.scan();

        assertEquals("earlier scan", Files.readString(root.resolve("done/scan.pdf")));
        assertEquals("even earlier scan", Files.readString(root.resolve("done/scan-1.pdf")));
        assertEquals("new scan", Files.readString(root.resolve("done/scan-2.pdf")));
        assertEquals("new notes", Files.readString(root.resolve("done/notes-1")));
    }

    @Test
    void aNameAlreadyTakenInErrorGetsANumberAndItsOwnReasonFile() throws IOException {
        Files.writeString(root.resolve("error/bad.pdf"), "earlier");
        Files.writeString(root.resolve("error/bad.pdf.reason.txt"), "earlier reason");
        drop("bad.pdf", "garbage", LONG_AGO);
        importer.reject("bad.pdf", "verschlüsselt");

        hotFolder.scan();
        hotFolder.scan();

        assertEquals("earlier reason", Files.readString(root.resolve("error/bad.pdf.reason.txt")));
        assertEquals("garbage", Files.readString(root.resolve("error/bad-1.pdf")));
        assertTrue(Files.readString(root.resolve("error/bad-1.pdf.reason.txt")).contains("verschlüsselt"));
    }

    @Test
    void hiddenFilesAndTempFilesOfCopyToolsAreIgnored() throws IOException {
        List<String> ignored = List.of(".DS_Store", "upload.pdf.part", "copy.TMP", "~$brief.docx",
                "download.pdf.crdownload", ".sync/scan.pdf", "dept/.hidden.pdf");
        for (String name : ignored) {
            drop(name, "x", LONG_AGO);
        }

        assertEquals(new ScanResult(List.of(), List.of(), 0), hotFolder.scan());
        assertEquals(new ScanResult(List.of(), List.of(), 0), hotFolder.scan());
        assertEquals(List.of(), importer.calls());
        for (String name : ignored) {
            assertTrue(Files.exists(root.resolve(name)), name);
        }
    }

    @Test
    void filesAlreadyInDoneOrErrorAreNotImportedAgain() throws IOException {
        drop("done/old.pdf", "x", LONG_AGO);
        drop("error/old.pdf", "x", LONG_AGO);

        hotFolder.scan();

        assertEquals(new ScanResult(List.of(), List.of(), 0), hotFolder.scan());
    }

    @Test
    void subfolderPathsArePassedWithForwardSlashesAndMirroredUnderDone() throws IOException {
        drop("dept/sub/file.pdf", "minutes", LONG_AGO);
        drop("dept/other.pdf", "letter", LONG_AGO);
        drop("a-first.pdf", "first", LONG_AGO);

        hotFolder.scan();
        ScanResult result = hotFolder.scan();

        assertEquals(List.of("a-first.pdf", "dept/other.pdf", "dept/sub/file.pdf"), result.imported());
        assertEquals(result.imported(), importer.importedPaths());
        assertEquals("minutes", Files.readString(root.resolve("done/dept/sub/file.pdf")));
        assertEquals("letter", Files.readString(root.resolve("done/dept/other.pdf")));
    }

    @Test
    void aFileReplacedByOneOfTheSameNameIsWatchedAfresh() throws IOException {
        drop("scan.pdf", "first", LONG_AGO);
        hotFolder.scan();
        hotFolder.scan();
        drop("scan.pdf", "second", LONG_AGO);

        assertEquals(1, hotFolder.scan().waiting());
        assertEquals(List.of("scan.pdf"), hotFolder.scan().imported());
        assertEquals("second", Files.readString(root.resolve("done/scan-1.pdf")));
    }

    /** Writes a file below the hot folder, last modified {@code age} before the clock's now. */
    private void drop(String relativePath, String content, Duration age) throws IOException {
        Path file = root.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().minus(age)));
    }

    /** Appends as a scanner writing another page would, modifying the file now. */
    private void append(String relativePath, String content) throws IOException {
        Path file = root.resolve(relativePath);
        Files.writeString(file, content, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
    }
}
