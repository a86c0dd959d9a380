package de.akte.core.application.records;

import de.akte.core.application.annotations.NewAnnotation;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.VersionView;
import de.akte.core.application.filing.CaseFileView;
import de.akte.core.application.search.SearchRequest;
import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditEntry;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.search.SearchResult;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.ForbiddenException;
import de.akte.core.shared.InvalidInputException;
import de.akte.core.shared.NotFoundException;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobRetainedException;
import de.akte.core.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention schedules, legal holds and four-eyes disposal over a real database (H2 and PostgreSQL),
 * the filesystem blob store (which enforces retention by the same clock) and a real index; the
 * clock travels through the years.
 */
class RecordsManagementScenarioTest {

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
        private final TestDatabase.Kind kind;
        private final AtomicReference<Instant> now = new AtomicReference<>(START);
        private final Clock clock = now::get;
        private Path blobDir;
        private FileSystemBlobStore blobs;
        private RecordsFixture rm;

        Scenarios(TestDatabase.Kind kind) {
            this.kind = kind;
        }

        @BeforeAll
        void start() throws IOException {
            blobDir = Files.createTempDirectory("akte-rm-blobs");
            rm = new RecordsFixture(kind, () -> blobs = new FileSystemBlobStore(blobDir.resolve("store"),
                    blobDir.resolve("tmp"), clock), clock, true);
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

        private ScheduleRequest schedule(int years, String trigger, String event, String action) {
            return new ScheduleRequest(years, 0, trigger, event, action, "§ 10 AktO, Frist " + years + " Jahre");
        }

        private long scheduledNode(int years, String action) {
            long node = rm.node(null, "Gewerbe");
            rm.retention.defineSchedule(rm.officer, node, schedule(years, "CASE_FILE_CLOSED", null, action));
            return node;
        }

        @Test
        void childNodesInheritTheNearestScheduleUnlessTheyDefineTheirOwn() {
            long root = rm.node(null, "Ordnungsamt");
            long inheriting = rm.node(root, "Gewerbeanmeldungen");
            long overriding = rm.node(root, "Gaststätten");
            long grandchild = rm.node(overriding, "Konzessionen");
            rm.retention.defineSchedule(rm.officer, root, schedule(10, "CASE_FILE_CLOSED", null, "DESTROY"));
            rm.retention.defineSchedule(rm.officer, overriding, schedule(30, "CASE_FILE_CLOSED", null, "TRANSFER"));

            NodeRetentionView inherited = rm.retention.schedule(rm.admin, inheriting);
            assertNull(inherited.own());
            assertEquals(10, inherited.effective().years());
            assertEquals(rm.nodeCode(root), inherited.effectiveFrom());
            NodeRetentionView deep = rm.retention.schedule(rm.admin, grandchild);
            assertEquals("TRANSFER", deep.effective().action());
            assertEquals(rm.nodeCode(overriding), deep.effectiveFrom());

            CaseFileView file = rm.caseFile(grandchild, "Konzession Adler");
            rm.retention.close(rm.clerkOf(file), file.id(), null);
            CaseFileRetentionView r = rm.retention.retention(rm.clerkOf(file), file.id());
            assertEquals(LocalDate.of(2056, 11, 27), r.disposalDate());
            assertEquals("TRANSFER", r.action());
            assertEquals(rm.nodeCode(overriding), r.scheduleFrom());
        }

        @Test
        void closingStartsTheClockAndReopeningMovesTheDate() {
            long node = scheduledNode(10, "DESTROY");
            CaseFileView file = rm.caseFile(node, "Gewerbeanmeldung Müller");
            Caller clerk = rm.clerkOf(file);
            assertNull(rm.retention.retention(clerk, file.id()).disposalDate(), "an open file has no disposal date");

            CaseFileRetentionView closed = rm.retention.close(clerk, file.id(), null);
            assertEquals(LocalDate.of(2036, 11, 27), closed.disposalDate());
            assertEquals("DESTROY", closed.action());

            travelTo(LocalDate.of(2028, 3, 1));
            assertNull(rm.retention.reopen(clerk, file.id(), "Widerspruch eingegangen").disposalDate());
            travelTo(LocalDate.of(2029, 6, 30));
            assertEquals(LocalDate.of(2039, 6, 30), rm.retention.close(clerk, file.id(), null).disposalDate());
            List<String> trail = rm.db.call(() -> rm.audit.historyOf("caseFile", Long.toString(file.id()), 20))
                    .stream().filter(e -> e.action() == AuditAction.RETENTION).map(AuditEntry::details).toList();
            assertEquals(3, trail.size(), trail::toString);
            assertTrue(trail.stream().anyMatch(t -> t.startsWith("reopened: Widerspruch eingegangen")), trail::toString);
        }

        @Test
        void anEventTriggerCountsFromTheRecordedEvent() {
            long node = rm.node(null, "Zuwendungen");
            rm.retention.defineSchedule(rm.officer, node, new ScheduleRequest(5, 6, "EVENT",
                    "Ende Bewilligungszeitraum", "REVIEW", "Nr. 8 ANBest-P"));
            CaseFileView file = rm.caseFile(node, "Zuwendung Sportverein");
            Caller clerk = rm.clerkOf(file);
            rm.retention.close(clerk, file.id(), null);
            assertNull(rm.retention.retention(clerk, file.id()).disposalDate(), "the event has not happened yet");

            CaseFileRetentionView r = rm.retention.recordEvent(clerk, file.id(), "Ende Bewilligungszeitraum",
                    LocalDate.of(2027, 12, 31));
            assertEquals(LocalDate.of(2033, 6, 30), r.disposalDate());
            assertEquals("REVIEW", r.action());
        }

        @Test
        void badSchedulesAreRefusedWithAReason() {
            long node = rm.node(null, "Bauamt");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> rm.retention.defineSchedule(
                    rm.officer, node, new ScheduleRequest(5, 0, "EVENT", null, "DESTROY", "§ 1")));
            assertTrue(e.getMessage().contains("event"), e.getMessage());
            assertThrows(InvalidInputException.class, () -> rm.retention.defineSchedule(rm.officer, node,
                    new ScheduleRequest(5, 0, "SOMETIME", null, "DESTROY", "§ 1")));
            assertThrows(InvalidInputException.class, () -> rm.retention.defineSchedule(rm.officer, node,
                    new ScheduleRequest(5, 0, "CREATED", null, "DESTROY", " ")));
            assertThrows(ForbiddenException.class, () -> rm.retention.defineSchedule(rm.admin, node,
                    schedule(1, "CREATED", null, "DESTROY")), "an administrator does not set retention");
        }

        @Test
        void aCaseFileIsDueOnlyFromItsDisposalDateAndNobodyCanDisposeEarlier() {
            long node = scheduledNode(2, "DESTROY");
            CaseFileView file = rm.caseFile(node, "Gewerbeabmeldung Schulz");
            rm.upload(file, "Abmeldung", "Gewerbeabmeldung Schulz Bäckerei");
            rm.retention.close(rm.clerkOf(file), file.id(), null);

            travelTo(LocalDate.of(2028, 11, 26));
            assertFalse(isDue(file));
            ConflictException early = assertThrows(ConflictException.class, () -> rm.disposals.propose(rm.officer,
                    new NewDisposal("DESTROY", List.of(file.id()))));
            assertTrue(early.getMessage().contains("2028-11-27"), early.getMessage());

            travelTo(LocalDate.of(2028, 11, 27));
            assertTrue(isDue(file));
            assertThrows(ForbiddenException.class, () -> rm.disposals.propose(rm.admin,
                    new NewDisposal("DESTROY", List.of(file.id()))), "an administrator cannot propose");
            assertThrows(ConflictException.class, () -> rm.disposals.propose(rm.officer,
                    new NewDisposal("TRANSFER", List.of(file.id()))), "scheduled for DESTROY, not TRANSFER");
        }

        @Test
        void fourEyesTheProposerCannotApproveAndAnAdministratorCannotEither() {
            long node = scheduledNode(1, "DESTROY");
            CaseFileView file = rm.caseFile(node, "Vier Augen");
            rm.retention.close(rm.clerkOf(file), file.id(), null);
            travelTo(LocalDate.of(2027, 12, 1));
            DisposalView proposed = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
            assertFalse(isDue(file), "a proposed file leaves the disposal list");

            assertThrows(ForbiddenException.class, () -> rm.disposals.approve(rm.officer, proposed.id()));
            assertThrows(ForbiddenException.class, () -> rm.disposals.approve(rm.admin, proposed.id()));
            assertThrows(ConflictException.class, () -> rm.disposals.execute(rm.officer, proposed.id()),
                    "an unapproved disposal does not run");
            Caller both = new Caller("registratur1", Set.of(Role.RECORDS_OFFICER, Role.ADMIN), Set.of());
            assertThrows(ForbiddenException.class, () -> rm.disposals.approve(both, proposed.id()),
                    "the same person with more roles is still the same pair of eyes");

            DisposalView rejected = rm.disposals.reject(rm.secondOfficer, proposed.id(), "Rückfrage Fachamt");
            assertEquals("REJECTED", rejected.state());
            assertTrue(isDue(file), "after a rejection the file is on the list again");
        }

        @Test
        void aLegalHoldBlocksDisposalAndDeletionUntilItIsLifted() {
            long node = scheduledNode(1, "DESTROY");
            CaseFileView file = rm.caseFile(node, "Streitfall Meier");
            DocumentView doc = rm.upload(file, "Widerspruch", "Widerspruch gegen Bescheid Streitfall Meier");
            BlobId blob = new BlobId(rm.documents.versions(rm.clerkOf(file), doc.id()).get(0).sha256());
            rm.retention.close(rm.clerkOf(file), file.id(), null);
            LegalHoldView hold = rm.holds.place(rm.officer, new NewLegalHold("DOCUMENT", doc.id(),
                    "Klage beim VG anhängig", "VG 3 K 123/26"));
            assertTrue(hold.active());

            travelTo(LocalDate.of(2028, 1, 10));
            assertThrows(BlobRetainedException.class, () -> blobs.delete(blob),
                    "past its retention the held blob still cannot be deleted");
            assertFalse(isDue(file));
            assertThrows(ConflictException.class, () -> rm.disposals.propose(rm.officer,
                    new NewDisposal("DESTROY", List.of(file.id()))));

            rm.holds.requestLift(rm.officer, hold.id(), "Klage zurückgenommen");
            assertThrows(ForbiddenException.class, () -> rm.holds.approveLift(rm.officer, hold.id()),
                    "four eyes: who asked cannot lift");
            assertThrows(ForbiddenException.class, () -> rm.holds.approveLift(rm.admin, hold.id()),
                    "an administrator is no second records officer");
            assertTrue(rm.holds.get(rm.officer, hold.id()).active(), "asking alone lifts nothing");
            assertEquals("LIFTED", rm.holds.approveLift(rm.secondOfficer, hold.id()).state());
            DisposalView proposed = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
            rm.disposals.approve(rm.secondOfficer, proposed.id());
            LegalHoldView again = rm.holds.place(rm.officer, new NewLegalHold("CASE_FILE", file.id(),
                    "Prüfung Rechnungsprüfungsamt", null));
            assertThrows(ConflictException.class, () -> rm.disposals.execute(rm.officer, proposed.id()),
                    "a hold placed after the approval still blocks");
            assertEquals(1, rm.caseFiles.details(rm.admin, file.id()).documents().size());
            assertTrue(blobs.exists(blob));

            assertEquals("LIFT_REQUESTED", rm.holds.lift(rm.secondOfficer, again.id(), null).state(),
                    "the one-call form asks first");
            assertEquals("LIFT_REQUESTED", rm.holds.lift(rm.secondOfficer, again.id(), null).state(),
                    "and asking again changes nothing");
            assertEquals("LIFTED", rm.holds.lift(rm.officer, again.id(), null).state(),
                    "the other officer's call lifts");
            assertEquals("EXECUTED", rm.disposals.execute(rm.officer, proposed.id()).state());
            assertFalse(blobs.exists(blob), "once the holds are lifted the storage lets the blob go");
            List<AuditAction> holdTrail = rm.db.call(() -> rm.audit.historyOf("document", Long.toString(doc.id()), 20))
                    .stream().map(AuditEntry::action).toList();
            assertTrue(holdTrail.contains(AuditAction.LEGAL_HOLD), holdTrail::toString);
        }

        @Test
        void destroyingRemovesEverythingAndLeavesACertificate() throws IOException {
            long node = scheduledNode(3, "DESTROY");
            CaseFileView file = rm.caseFile(node, "Gewerbeanmeldung Zuckerbäcker");
            DocumentView first = rm.upload(file, "Anmeldung", "Anmeldung Zuckerbäckerei Kandiszucker");
            rm.documents.addVersion(rm.clerkOf(file), first.id(), "anmeldung-2.txt",
                    new java.io.ByteArrayInputStream("Anmeldung Zuckerbäckerei Fassung zwei".getBytes()));
            rm.annotations.add(rm.clerkOf(file), first.id(), new NewAnnotation(1, "NOTE", null,
                    "Rückfrage Lebensmittelaufsicht"));
            DocumentView shared = rm.upload(file, "Gemeinsam", "derselbe Inhalt in zwei Akten");
            CaseFileView other = rm.caseFile(node, "Andere Akte");
            DocumentView survivor = rm.upload(other, "Gemeinsam", "derselbe Inhalt in zwei Akten");
            rm.settle();
            List<VersionView> versions = rm.documents.versions(rm.clerkOf(file), first.id());
            String sharedSha = rm.documents.versions(rm.clerkOf(file), shared.id()).get(0).sha256();
            assertEquals(sharedSha, rm.documents.versions(rm.clerkOf(other), survivor.id()).get(0).sha256(),
                    "content is stored once");
            assertEquals(1, search("Zuckerbäckerei"));

            rm.retention.close(rm.clerkOf(file), file.id(), null);
            BlobId firstBlob = new BlobId(versions.get(0).sha256());
            assertThrows(BlobRetainedException.class, () -> blobs.delete(firstBlob),
                    "the storage refuses to delete before the disposal date");

            travelTo(LocalDate.of(2029, 12, 1));
            DisposalView proposed = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
            rm.disposals.approve(rm.secondOfficer, proposed.id());
            Caller executor = new Caller("registratur3", Set.of(Role.RECORDS_OFFICER), Set.of());
            long learned = rm.learnedExamples();
            DisposalView executed = rm.disposals.execute(executor, proposed.id());
            assertEquals("EXECUTED", executed.state());
            rm.indexer.drainAll();

            assertThrows(NotFoundException.class, () -> rm.caseFiles.details(rm.admin, file.id()));
            assertThrows(NotFoundException.class, () -> rm.documents.get(rm.admin, first.id()));
            assertEquals(0, search("Zuckerbäckerei"), "the index entry is gone");
            assertEquals(0, search("Lebensmittelaufsicht"), "the note's text is gone from the index");
            assertEquals(0L, rm.db.call(() -> rm.db.entityManager().createQuery("select count(a) from Annotation a", Long.class)
                    .getSingleResult()), "the annotations are gone");
            assertEquals(learned - 2, rm.learnedExamples(), "the classifier forgot both destroyed documents");
            for (VersionView v : versions) {
                assertFalse(blobs.exists(new BlobId(v.sha256())), "version " + v.version() + " blob deleted");
                assertTrue(rm.pages.forgotten.contains(v.sha256()), "cached pages dropped");
            }
            assertTrue(blobs.exists(new BlobId(sharedSha)), "a blob another record uses stays");
            assertEquals("derselbe Inhalt in zwei Akten".length(), rm.documents.versions(rm.clerkOf(other),
                    survivor.id()).get(0).size());
            assertEquals(List.of(), rm.disposals.pendingBlobDeletions(rm.officer));

            List<CertificateView> certs = rm.disposals.certificates(rm.admin, file.fileReference(), 0, 10);
            assertEquals(1, certs.size());
            CertificateView cert = certs.get(0);
            assertEquals(file.fileReference(), cert.fileReference());
            assertEquals("Gewerbeanmeldung Zuckerbäcker", cert.title());
            assertEquals("§ 10 AktO, Frist 3 Jahre", cert.legalBasis());
            assertEquals(LocalDate.of(2029, 11, 27), cert.disposalDate());
            assertEquals("registratur1", cert.proposedBy());
            assertEquals("registratur2", cert.approvedBy());
            assertEquals("registratur3", cert.executedBy());
            assertEquals(3, cert.versions().size());
            assertEquals(Set.of(versions.get(0).sha256(), versions.get(1).sha256(), sharedSha),
                    Set.copyOf(cert.versions().stream().map(CertificateView.Version::sha256).toList()));

            List<AuditAction> trail = rm.db.call(() -> rm.audit.historyOf("caseFile", Long.toString(file.id()), 50))
                    .stream().map(AuditEntry::action).toList();
            assertTrue(trail.contains(AuditAction.DELETE), trail::toString);
            assertTrue(rm.db.call(() -> rm.audit.verify()).intact(), "the audit chain survives the destruction");
        }

        @Test
        void documentsAddedAfterHoldingAreProtectedWhenProtectionIsReapplied() {
            long node = scheduledNode(2, "DESTROY");
            CaseFileView file = rm.caseFile(node, "Nachzügler");
            LegalHoldView hold = rm.holds.place(rm.officer, new NewLegalHold("CASE_FILE", file.id(), "Prüfung", null));
            DocumentView late = rm.upload(file, "Nachgereicht", "nachgereichtes Schreiben zur gesperrten Akte");
            rm.retention.close(rm.clerkOf(file), file.id(), null);
            BlobId blob = new BlobId(rm.documents.versions(rm.clerkOf(file), late.id()).get(0).sha256());

            assertTrue(rm.retention.reapplyProtection() >= 1);
            assertEquals(1, rm.holds.list(rm.officer, true, 0, 1000).stream()
                    .filter(h -> h.id() == hold.id()).count());
            rm.holds.reapplyHolds();

            travelTo(LocalDate.of(2027, 6, 1));
            assertThrows(BlobRetainedException.class, () -> blobs.delete(blob), "retained until 2028-11-27");
            travelTo(LocalDate.of(2029, 1, 1));
            assertThrows(BlobRetainedException.class, () -> blobs.delete(blob), "past the date, still held");
            rm.holds.requestLift(rm.officer, hold.id(), "Verfahren beendet");
            rm.holds.approveLift(rm.secondOfficer, hold.id());
            blobs.delete(blob);
            assertFalse(blobs.exists(blob));
        }

        @Test
        void aScheduledReviewMayBeDecidedEitherWay() {
            long node = rm.node(null, "Sonstiges");
            rm.retention.defineSchedule(rm.officer, node, schedule(1, "CREATED", null, "REVIEW"));
            CaseFileView file = rm.caseFile(node, "Prüffall");
            rm.retention.close(rm.clerkOf(file), file.id(), null);
            travelTo(LocalDate.of(2027, 11, 27));
            DisposalView d = rm.disposals.propose(rm.officer, new NewDisposal("TRANSFER", List.of(file.id())));
            assertEquals("TRANSFER", d.action());
            assertThrows(InvalidInputException.class, () -> rm.disposals.propose(rm.officer,
                    new NewDisposal("REVIEW", List.of(file.id()))));
        }

        @Test
        void aTransferRoundTripAppliesTheArchivesAppraisalAndConfirmation() throws Exception {
            long node = rm.node(null, "Archivwürdiges");
            rm.retention.defineSchedule(rm.officer, node, schedule(5, "CASE_FILE_CLOSED", null, "TRANSFER"));
            CaseFileView archived = rm.caseFile(node, "Stadtratsbeschlüsse 2026");
            DocumentView protocol = rm.upload(archived, "Protokoll", "Protokoll der Sitzung");
            CaseFileView declined = rm.caseFile(node, "Routineschreiben");
            rm.upload(declined, "Schreiben", "Routine ohne Wert");
            CaseFileView appraise = rm.caseFile(node, "Grenzfall");
            for (CaseFileView c : List.of(archived, declined, appraise)) {
                rm.retention.close(rm.clerkOf(c), c.id(), null);
            }
            travelTo(LocalDate.of(2031, 12, 1));
            DisposalView d = rm.disposals.propose(rm.officer, new NewDisposal("TRANSFER",
                    List.of(archived.id(), declined.id(), appraise.id())));
            assertThrows(ConflictException.class, () -> rm.transfers.offer(rm.officer, d.id()),
                    "nothing is offered before the second officer approved");
            rm.disposals.approve(rm.secondOfficer, d.id());
            assertThrows(ConflictException.class, () -> rm.disposals.execute(rm.officer, d.id()),
                    "a transfer is not destroyed by execution");

            String offer = new String(rm.transfers.offer(rm.officer, d.id()), java.nio.charset.StandardCharsets.UTF_8);
            java.util.UUID archivedId = ArchiveTransferService.objectId(archived.id());
            java.util.UUID declinedId = ArchiveTransferService.objectId(declined.id());
            java.util.UUID appraiseId = ArchiveTransferService.objectId(appraise.id());
            assertTrue(offer.contains(archivedId.toString()) && offer.contains(declinedId.toString())
                    && offer.contains(appraiseId.toString()), offer);
            java.util.UUID process = java.util.UUID.fromString(d.processId());

            assertThrows(InvalidInputException.class, () -> rm.transfers.appraise(rm.officer, d.id(),
                    "<kaputt".getBytes()), "invalid XML is refused with a reason");
            assertThrows(InvalidInputException.class, () -> rm.transfers.appraise(rm.officer, d.id(),
                    de.akte.core.xdomea.XdomeaTestMessages.appraisal(java.util.UUID.randomUUID(),
                            java.util.Map.of(archivedId, "A", declinedId, "V", appraiseId, "B"))),
                    "an appraisal of another process is refused");
            DisposalView appraised = rm.transfers.appraise(rm.officer, d.id(), de.akte.core.xdomea.XdomeaTestMessages
                    .appraisal(process, java.util.Map.of(archivedId, "A", declinedId, "V", appraiseId, "B")));
            assertEquals("APPRAISED", appraised.state());
            assertThrows(NotFoundException.class, () -> rm.caseFiles.details(rm.admin, declined.id()),
                    "V: destroyed here");
            assertTrue(rm.disposals.certificates(rm.admin, declined.fileReference(), 0, 5).get(0).outcome()
                    .contains("0502 appraisal V"));
            assertEquals("the archive asks to appraise it (0502 B, disposal " + d.id() + ")",
                    rm.retention.retention(rm.admin, appraise.id()).appraisalNote(), "B: kept and flagged");
            assertTrue(isDue(appraise), "B is back on the disposal list for a person's decision");
            assertFalse(isDue(archived), "A is on its way to the archive");
            rm.caseFiles.details(rm.admin, archived.id());

            ArchivePackage pack = rm.transfers.pack(rm.officer, d.id());
            assertEquals(d.processId() + "_Aussonderung.Aussonderung.0503.zip", pack.fileName());
            java.io.ByteArrayOutputStream zipBytes = new java.io.ByteArrayOutputStream();
            pack.writer().writeTo(zipBytes);
            java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
            try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipBytes.toByteArray()))) {
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
            byte[] message = entries.get(d.processId() + "_Aussonderung.Aussonderung.0503.xml");
            new de.akte.core.xdomea.XdomeaSchema().validate(message);
            String xml = new String(message, java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xml.contains(archivedId.toString()) && !xml.contains(declinedId.toString())
                    && !xml.contains(appraiseId.toString()), "only what the archive takes: " + xml);
            assertEquals(2, entries.size(), entries.keySet()::toString);
            String primary = entries.keySet().stream().filter(n -> !n.endsWith(".xml")).findFirst().orElseThrow();
            assertTrue(xml.contains(primary), "the XML names the primary file " + primary);
            assertEquals("Protokoll der Sitzung", new String(entries.get(primary), java.nio.charset.StandardCharsets.UTF_8));

            DisposalView confirmed = rm.transfers.confirm(rm.officer, d.id(), de.akte.core.xdomea.XdomeaTestMessages
                    .confirmation(process, java.util.Map.of(archivedId, true)));
            assertEquals("CONFIRMED", confirmed.state());
            assertThrows(NotFoundException.class, () -> rm.documents.get(rm.admin, protocol.id()));
            CertificateView cert = rm.disposals.certificates(rm.admin, archived.fileReference(), 0, 5).get(0);
            assertTrue(cert.outcome().contains("ARCH-" + archivedId.toString().substring(0, 8)), cert.outcome());
            assertEquals("registratur2", cert.approvedBy());
            rm.caseFiles.details(rm.admin, appraise.id());
        }

        private boolean isDue(CaseFileView file) {
            return rm.disposals.due(rm.officer, 0, 10_000).items().stream()
                    .anyMatch(d -> d.caseFileId() == file.id());
        }

        private long search(String text) {
            SearchResult result = rm.search.search(rm.admin, new SearchRequest(text, null, null, null, null, null, 0, 20));
            return result.total();
        }
    }
}
