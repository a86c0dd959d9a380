package de.akte.core.application.records;

import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.MetadataChange;
import de.akte.core.application.filing.CaseFileDetails;
import de.akte.core.application.filing.CaseFileView;
import de.akte.core.application.filing.FilingDecision;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditEntry;
import de.akte.core.casefile.CaseFileClosedException;
import de.akte.core.disposition.ApprovedSetChangedException;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.security.Caller;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.storage.BlobId;
import de.akte.core.testing.TestDatabase;
import de.akte.core.xdomea.XdomeaTestMessages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention integrity over a real database (H2 and PostgreSQL): a closed (zdA) case file takes no new, moved or
 * versioned documents and no processes until it is reopened with a reason, and a disposal destroys or transfers
 * exactly what the second records officer approved — a change afterwards sends it back for a new decision.
 */
class RetentionIntegrityScenarioTest {

    @Nested
    class OnH2 extends Scenarios {
        OnH2() {
            super(TestDatabase.Kind.H2);
        }
    }

    @Nested
    class OnPostgres extends Scenarios {
        OnPostgres() {
            super(TestDatabase.Kind.POSTGRES);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenarios {
        private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
        private static final LocalDate CLOSED_ON = LocalDate.of(2026, 11, 27);
        private final TestDatabase.Kind kind;
        private final AtomicReference<Instant> now = new AtomicReference<>(START);
        private final AtomicInteger sequence = new AtomicInteger();
        private Path blobDir;
        private FileSystemBlobStore blobs;
        private RecordsFixture rm;

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() throws IOException {
            blobDir = Files.createTempDirectory("akte-ri-blobs");
            rm = new RecordsFixture(kind, () -> blobs = new FileSystemBlobStore(blobDir.resolve("store"),
                    blobDir.resolve("tmp"), now::get), now::get, true);
        }

        @AfterAll
        void stop() throws IOException {
            rm.close();
            try (Stream<Path> files = Files.walk(blobDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        @BeforeEach
        void backToToday() {
            now.set(START);
        }

        private void travelTo(LocalDate day) {
            now.set(day.atTime(10, 0).toInstant(ZoneOffset.UTC));
        }

        private long scheduledNode(String action) {
            long node = rm.node(null, "Ordnungsamt");
            rm.retention.defineSchedule(rm.officer, node, new ScheduleRequest(1, 0, "CASE_FILE_CLOSED", null, action,
                    "§ 10 AktO"));
            return node;
        }

        /** Another case file of the same department, so documents may move between the two. */
        private CaseFileView sibling(CaseFileView of, long node, String title) {
            return rm.caseFiles.open(rm.admin, new NewCaseFile(of.department() + "-RI" + sequence.incrementAndGet() + "/"
                    + System.nanoTime() % 100000, title, of.department(), rm.nodeCode(node), null));
        }

        private static InputStream text(String text) {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        private static BlobId blobOf(String text) {
            try {
                return new BlobId(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8))));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static MetadataChange fileInto(String reference) {
            return new MetadataChange(null, null, reference, null);
        }

        private List<String> auditOf(String type, long id) {
            return rm.db.call(() -> rm.audit.historyOf(type, Long.toString(id), 50)).stream()
                    .map(AuditEntry::details).toList();
        }

        private static List<String> approvedSet(DisposalView d) {
            return d.items().stream().flatMap(i -> i.approvedVersions().stream())
                    .map(v -> v.documentId() + "/" + v.version() + "/" + v.sha256()).sorted().toList();
        }

        private static List<String> certifiedSet(List<CertificateView> certificates) {
            return certificates.stream().flatMap(c -> c.versions().stream())
                    .map(v -> v.documentId() + "/" + v.version() + "/" + v.sha256()).sorted().toList();
        }

        @Test
        void aClosedCaseFileTakesNoNewMovedOrVersionedDocumentsAndNoProcesses() {
            long node = scheduledNode("DESTROY");
            CaseFileView file = rm.caseFile(node, "Gaststätte Linde");
            Caller clerk = rm.clerkOf(file);
            CaseFileView other = sibling(file, node, "Gaststätte Adler");
            DocumentView inside = rm.upload(file, "Erlaubnis", "Erlaubnis Gaststätte Linde");
            DocumentView outside = rm.upload(other, "Antrag", "Antrag Gaststätte Adler");
            rm.retention.close(clerk, file.id(), null);

            String late = "nachgereichtes Schreiben zur Gaststätte Linde";
            CaseFileClosedException upload = assertThrows(CaseFileClosedException.class,
                    () -> rm.upload(file, "Nachtrag", late));
            assertEquals("case file " + file.fileReference() + " is closed (zdA): it takes no new documents until it"
                    + " is reopened", upload.getMessage());
            assertFalse(blobs.exists(blobOf(late)), "a refused upload stores no bytes");
            assertThrows(CaseFileClosedException.class,
                    () -> rm.documents.changeMetadata(clerk, outside.id(), fileInto(file.fileReference())));
            assertThrows(CaseFileClosedException.class, () -> rm.documents.changeMetadata(clerk, inside.id(),
                    fileInto("")), "taking a document out of the file");
            assertThrows(CaseFileClosedException.class, () -> rm.documents.changeMetadata(clerk, inside.id(),
                    fileInto(other.fileReference())), "moving it to another file");
            assertThrows(CaseFileClosedException.class, () -> rm.filing.file(clerk, outside.id(),
                    new FilingDecision("Antrag", null, file.fileReference())), "filing into it");
            String second = "Erlaubnis Gaststätte Linde, zweite Fassung";
            assertThrows(CaseFileClosedException.class, () -> rm.documents.addVersion(clerk, inside.id(),
                    "erlaubnis-2.txt", text(second)));
            assertFalse(blobs.exists(blobOf(second)), "a refused version stores no bytes");
            assertThrows(CaseFileClosedException.class, () -> rm.caseFiles.openProcess(clerk, file.id(), "Nachtrag"));

            CaseFileDetails details = rm.caseFiles.details(clerk, file.id());
            assertEquals(List.of(inside.id()), details.documents().stream().map(DocumentView::id).toList());
            assertEquals(List.of(), details.processes());
            assertEquals(other.id(), rm.documents.get(clerk, outside.id()).caseFileId());
            assertEquals(1, rm.documents.versions(clerk, inside.id()).size());
            assertEquals("Erlaubnis (erloschen)", rm.documents.changeMetadata(clerk, inside.id(),
                    new MetadataChange("Erlaubnis (erloschen)", null, null, null)).title(),
                    "a title can still be corrected");
        }

        @Test
        void reopeningNeedsAReasonThatTheAuditTrailKeeps() {
            long node = scheduledNode("DESTROY");
            CaseFileView file = rm.caseFile(node, "Sperrzeitverkürzung");
            Caller clerk = rm.clerkOf(file);
            rm.retention.close(clerk, file.id(), null);

            for (String missing : new String[] {null, "", "   "}) {
                InvalidInputException e = assertThrows(InvalidInputException.class,
                        () -> rm.retention.reopen(clerk, file.id(), missing));
                assertEquals("reason", e.errors().get(0).field());
            }
            assertThrows(InvalidInputException.class, () -> rm.retention.reopen(clerk, file.id(), "x".repeat(1001)));
            assertThrows(InvalidInputException.class, () -> rm.retention.reopen(clerk, Long.MAX_VALUE, null),
                    "the same answer whether the file exists or not");
            assertThrows(NotFoundException.class, () -> rm.retention.reopen(clerk, Long.MAX_VALUE, "Grund"));
            assertEquals("CLOSED", rm.retention.retention(clerk, file.id()).status());

            rm.retention.reopen(clerk, file.id(), "Widerspruch gegen den Bescheid");
            assertEquals("OPEN", rm.retention.retention(clerk, file.id()).status());
            assertTrue(auditOf("caseFile", file.id()).stream()
                    .anyMatch(d -> d.startsWith("reopened: Widerspruch gegen den Bescheid")));
            DocumentView widerspruch = rm.upload(file, "Widerspruch", "Widerspruch gegen die Sperrzeit");
            rm.caseFiles.openProcess(clerk, file.id(), "Widerspruchsverfahren");
            assertEquals(file.id(), rm.documents.get(clerk, widerspruch.id()).caseFileId());
        }

        @Test
        void aDocumentSlippedIntoAnApprovedFileSurvivesAndTheDisposalNeedsANewDecision() {
            long node = scheduledNode("DESTROY");
            CaseFileView file = rm.caseFile(node, "Sondernutzung Wochenmarkt");
            Caller clerk = rm.clerkOf(file);
            CaseFileView other = sibling(file, node, "Sondernutzung Kirmes");
            DocumentView permit = rm.upload(file, "Erlaubnis", "Sondernutzungserlaubnis Wochenmarkt");
            rm.documents.addVersion(clerk, permit.id(), "erlaubnis-2.txt",
                    text("Sondernutzungserlaubnis Wochenmarkt, geändert"));
            DocumentView complaint = rm.upload(other, "Beschwerde", "Beschwerde über die Kirmes");
            rm.retention.close(clerk, file.id(), CLOSED_ON);
            travelTo(LocalDate.of(2028, 1, 10));
            DisposalView proposed = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
            DisposalView approved = rm.disposals.approve(rm.secondOfficer, proposed.id());
            assertEquals(2, approved.items().get(0).approvedVersions().size());
            assertEquals(64, approved.items().get(0).approvedFingerprint().length());

            assertThrows(CaseFileClosedException.class,
                    () -> rm.documents.changeMetadata(clerk, complaint.id(), fileInto(file.fileReference())));
            assertEquals("APPROVED", rm.disposals.get(rm.officer, proposed.id()).state());

            // reopening is the one way in, and it sends the approved disposal back
            rm.retention.reopen(clerk, file.id(), "die Beschwerde gehört zur Akte");
            DisposalView back = rm.disposals.get(rm.officer, proposed.id());
            assertEquals("PROPOSED", back.state());
            assertNull(back.decidedBy());
            assertTrue(back.sentBackReason().contains("reopened by " + clerk.username()
                    + ": die Beschwerde gehört zur Akte"), back.sentBackReason());
            assertTrue(back.items().get(0).approvedVersions().isEmpty());
            assertTrue(auditOf("disposal", proposed.id()).stream()
                    .anyMatch(d -> d.startsWith("sent back for a new decision")));
            rm.documents.changeMetadata(clerk, complaint.id(), fileInto(file.fileReference()));
            rm.retention.close(clerk, file.id(), CLOSED_ON);

            ConflictException refused = assertThrows(ConflictException.class,
                    () -> rm.disposals.execute(rm.officer, proposed.id()));
            assertTrue(refused.getMessage().contains("sent back for a new decision"), refused.getMessage());
            assertEquals(file.id(), rm.documents.get(rm.admin, complaint.id()).caseFileId(), "the complaint survives");
            assertEquals(2, rm.caseFiles.details(rm.admin, file.id()).documents().size());
            assertEquals(List.of(), rm.disposals.certificates(rm.admin, file.fileReference(), 0, 10));
            assertThrows(de.akte.core.shared.ForbiddenException.class,
                    () -> rm.disposals.approve(rm.officer, proposed.id()), "still four eyes");

            DisposalView decidedAgain = rm.disposals.approve(rm.secondOfficer, proposed.id());
            assertEquals(3, decidedAgain.items().get(0).approvedVersions().size(), "the new decision sees all");
            rm.disposals.execute(rm.officer, proposed.id());
            assertEquals(approvedSet(decidedAgain),
                    certifiedSet(rm.disposals.certificates(rm.admin, file.fileReference(), 0, 10)),
                    "the certificate lists exactly the approved versions");
        }

        @Test
        void executionRefusesAFileThatChangedBehindTheApprovalAndSendsTheDisposalBack() {
            long node = scheduledNode("DESTROY");
            CaseFileView file = rm.caseFile(node, "Plakatierung");
            DocumentView kept = rm.upload(file, "Genehmigung", "Plakatierungsgenehmigung");
            DocumentView gone = rm.upload(file, "Antrag", "Antrag auf Plakatierung");
            rm.retention.close(rm.clerkOf(file), file.id(), CLOSED_ON);
            travelTo(LocalDate.of(2028, 1, 10));
            DisposalView proposed = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
            rm.disposals.approve(rm.secondOfficer, proposed.id());
            // no path of the application does this (the domain refuses it); the check at execution must hold anyway
            rm.db.run(() -> rm.documentRepository.remove(rm.documentRepository.find(gone.id()).orElseThrow()));

            ApprovedSetChangedException e = assertThrows(ApprovedSetChangedException.class,
                    () -> rm.disposals.execute(rm.officer, proposed.id()));
            assertTrue(e.getMessage().contains("documents removed or moved out [" + gone.id() + "]"), e.getMessage());
            assertTrue(e.getMessage().contains("went back for a new four-eyes decision"), e.getMessage());
            DisposalView back = rm.disposals.get(rm.officer, proposed.id());
            assertEquals("PROPOSED", back.state());
            assertTrue(back.sentBackReason().contains("documents removed or moved out"), back.sentBackReason());
            assertEquals(kept.id(), rm.documents.get(rm.admin, kept.id()).id(), "nothing was destroyed");
            assertEquals(List.of(), rm.disposals.certificates(rm.admin, file.fileReference(), 0, 10));

            DisposalView decidedAgain = rm.disposals.approve(rm.secondOfficer, proposed.id());
            assertEquals("EXECUTED", rm.disposals.execute(rm.officer, proposed.id()).state());
            List<String> certified = certifiedSet(rm.disposals.certificates(rm.admin, file.fileReference(), 0, 10));
            assertEquals(approvedSet(decidedAgain), certified);
            assertEquals(1, certified.size());
        }

        @Test
        void aTransferPackagesExactlyTheApprovedSetAndAChangeAfterTheOfferVoidsTheOldProcess() throws IOException {
            long node = scheduledNode("TRANSFER");
            CaseFileView council = rm.caseFile(node, "Ratsprotokolle 2026");
            Caller clerk = rm.clerkOf(council);
            rm.upload(council, "Protokoll", "Protokoll der Ratssitzung");
            CaseFileView committee = sibling(council, node, "Ausschussprotokolle 2026");
            rm.upload(committee, "Protokoll", "Protokoll des Bauausschusses");
            rm.retention.close(clerk, council.id(), CLOSED_ON);
            rm.retention.close(clerk, committee.id(), CLOSED_ON);
            travelTo(LocalDate.of(2028, 1, 10));
            DisposalView proposed = rm.disposals.propose(rm.officer, new NewDisposal("TRANSFER",
                    List.of(council.id(), committee.id())));
            rm.disposals.approve(rm.secondOfficer, proposed.id());
            rm.transfers.offer(rm.officer, proposed.id());
            UUID oldProcess = UUID.fromString(rm.disposals.get(rm.officer, proposed.id()).processId());
            UUID councilId = ArchiveTransferService.objectId(council.id());
            UUID committeeId = ArchiveTransferService.objectId(committee.id());

            rm.retention.reopen(clerk, committee.id(), "Nachtrag zur Sitzung");
            DisposalView back = rm.disposals.get(rm.officer, proposed.id());
            assertEquals("PROPOSED", back.state());
            assertNotEquals(oldProcess.toString(), back.processId());
            rm.upload(committee, "Nachtrag", "Nachtrag zum Protokoll des Bauausschusses");
            rm.retention.close(clerk, committee.id(), CLOSED_ON);
            assertThrows(InvalidInputException.class, () -> rm.transfers.appraise(rm.officer, proposed.id(),
                    XdomeaTestMessages.appraisal(oldProcess, Map.of(councilId, "A", committeeId, "A"))),
                    "the archive's answer to the old offer no longer fits");

            DisposalView approved = rm.disposals.approve(rm.secondOfficer, proposed.id());
            assertEquals(3, approvedSet(approved).size());
            rm.transfers.offer(rm.officer, proposed.id());
            UUID process = UUID.fromString(approved.processId());
            rm.transfers.appraise(rm.officer, proposed.id(), XdomeaTestMessages.appraisal(process,
                    Map.of(councilId, "A", committeeId, "A")));
            ConflictException taking = assertThrows(ConflictException.class,
                    () -> rm.retention.reopen(clerk, council.id(), "noch ein Nachtrag"));
            assertTrue(taking.getMessage().contains("being transferred to the archive"), taking.getMessage());
            assertEquals("CLOSED", rm.retention.retention(clerk, council.id()).status());

            ArchivePackage pack = rm.transfers.pack(rm.officer, proposed.id());
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            pack.writer().writeTo(zipped);
            Set<String> packed = new HashSet<>();
            int primaries = 0;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped.toByteArray()))) {
                for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.getName().endsWith(".xml")) {
                        primaries++;
                        packed.add(HexFormat.of().formatHex(sha256(zip.readAllBytes())));
                    }
                }
            }
            Set<String> approvedHashes = new HashSet<>(approved.items().stream()
                    .flatMap(i -> i.approvedVersions().stream()).map(DisposalView.ApprovedVersionView::sha256).toList());
            assertEquals(3, primaries);
            assertEquals(approvedHashes, packed, "the package holds exactly the approved versions");

            rm.transfers.confirm(rm.officer, proposed.id(), XdomeaTestMessages.confirmation(process,
                    Map.of(councilId, true, committeeId, true)));
            List<CertificateView> certificates = Stream.of(council, committee)
                    .flatMap(c -> rm.disposals.certificates(rm.admin, c.fileReference(), 0, 10).stream()).toList();
            assertEquals(approvedSet(approved), certifiedSet(certificates));
            List<AuditAction> trail = rm.db.call(() -> rm.audit.historyOf("disposal",
                    Long.toString(proposed.id()), 50)).stream().map(AuditEntry::action).toList();
            assertTrue(trail.stream().allMatch(a -> a == AuditAction.DISPOSAL), trail::toString);
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
