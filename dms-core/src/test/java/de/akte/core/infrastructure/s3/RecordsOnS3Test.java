package de.akte.core.infrastructure.s3;

import de.akte.core.application.filing.CaseFileView;
import de.akte.core.application.records.DisposalView;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.records.LegalHoldView;
import de.akte.core.application.records.NewDisposal;
import de.akte.core.application.records.NewLegalHold;
import de.akte.core.application.records.RecordsFixture;
import de.akte.core.application.records.ScheduleRequest;
import de.akte.core.application.documents.VersionView;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.storage.BlobId;
import de.akte.core.testing.TestDatabase;
import io.minio.IsObjectLegalHoldEnabledArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.messages.Item;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records management end to end on the real S3 server: destroyed records leave no object version
 * behind, a record's objects are locked until its disposal date (the server refuses deleting them,
 * whatever the application's clock says), legal holds become object legal holds. S3's Object Lock
 * runs on real time, so records meant to be deleted get disposal dates in the real past and the
 * locked one a real date tomorrow.
 */
class RecordsOnS3Test {

    private static final String LEGAL_BASIS = "§ 147 AO";

    @TempDir
    Path spool;

    private S3TestServer server;
    private S3Settings settings;
    private S3BlobStore store;
    private RecordsFixture rm;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.MICROS));

    @BeforeEach
    void start() {
        server = S3TestServer.fromEnvironment();
        server.assumeAvailable();
        settings = server.freshBucket(ObjectLockMode.GOVERNANCE);
        Clock clock = now::get;
        rm = new RecordsFixture(TestDatabase.Kind.H2, () -> store = new S3BlobStore(settings, spool), clock, true);
    }

    @AfterEach
    void stop() throws Exception {
        if (rm != null) {
            rm.close();
        }
        if (store != null) {
            store.close();
        }
        if (settings != null) {
            server.removeBucket(settings.bucket());
        }
        server.close();
    }

    @Test
    void destroyedRecordsLeaveNoObjectVersionBehind() throws Exception {
        long node = rm.node(null, "Steuern");
        rm.retention.defineSchedule(rm.officer, node, new ScheduleRequest(1, 0, "CASE_FILE_CLOSED", null,
                "DESTROY", LEGAL_BASIS));
        CaseFileView file = rm.caseFile(node, "Gewerbesteuer 2014", LocalDate.of(2014, 1, 2));
        DocumentView doc = rm.upload(file, "Bescheid", "Gewerbesteuerbescheid 2014");
        rm.documents.addVersion(rm.clerkOf(file), doc.id(), "bescheid-2.txt",
                new ByteArrayInputStream("Gewerbesteuerbescheid 2014, berichtigt".getBytes(StandardCharsets.UTF_8)));
        List<String> hashes = rm.documents.versions(rm.clerkOf(file), doc.id()).stream()
                .map(VersionView::sha256).toList();
        rm.retention.close(rm.clerkOf(file), file.id(), LocalDate.of(2015, 12, 31));

        DisposalView d = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
        rm.disposals.approve(rm.secondOfficer, d.id());
        rm.disposals.execute(rm.officer, d.id());

        List<Item> left = server.allVersions(settings.bucket()).stream()
                .filter(i -> hashes.stream().anyMatch(h -> i.objectName().endsWith(h))).toList();
        assertEquals(List.of(), left.stream().map(i -> i.objectName() + "@" + i.versionId()).toList(),
                "no object version, no delete marker");
        assertEquals(List.of(), rm.disposals.pendingBlobDeletions(rm.officer));
    }

    @Test
    void aRecordsObjectsAreLockedUntilItsDisposalDateAndTheServerRefusesEarlierDeletion() throws Exception {
        long node = rm.node(null, "Kasse");
        rm.retention.defineSchedule(rm.officer, node, new ScheduleRequest(0, 1, "CREATED", null, "DESTROY",
                LEGAL_BASIS));
        LocalDate today = LocalDate.ofInstant(now.get(), Clock.ZONE);
        // opened a month ago less a day: the disposal date is tomorrow, in real time too
        LocalDate opened = today.minusMonths(1).plusDays(1);
        CaseFileView file = rm.caseFile(node, "Kassenbeleg", opened);
        DocumentView doc = rm.upload(file, "Beleg", "Kassenbeleg Nummer 4711");
        String sha = rm.documents.versions(rm.clerkOf(file), doc.id()).get(0).sha256();
        LocalDate disposal = rm.retention.close(rm.clerkOf(file), file.id(), null).disposalDate();
        assertTrue(disposal.isAfter(today), disposal::toString);

        StatObjectResponse object = server.client().statObject(StatObjectArgs.builder().bucket(settings.bucket())
                .object(settings.keyPrefix() + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha).build());
        assertEquals(disposal.atStartOfDay(Clock.ZONE).toInstant(), object.lockRetainUntilDate().toInstant());
        assertEquals(io.minio.messages.RetentionMode.GOVERNANCE, object.lockMode());

        // the application's clock says the date has come; the storage's real clock disagrees
        now.set(disposal.plusDays(1).atStartOfDay(Clock.ZONE).toInstant());
        DisposalView d = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
        rm.disposals.approve(rm.secondOfficer, d.id());
        rm.disposals.execute(rm.officer, d.id());

        assertTrue(store.exists(new BlobId(sha)), "the locked object is still there");
        assertEquals(List.of(sha), rm.disposals.pendingBlobDeletions(rm.officer),
                "the refused deletion waits, retryable, on the pending list");
        assertEquals(1, rm.disposals.retryBlobDeletions(), "retrying before the date is refused again");
    }

    @Test
    void aLegalHoldSetsTheObjectLegalHoldAndLiftingReleasesIt() throws Exception {
        long node = rm.node(null, "Recht");
        rm.retention.defineSchedule(rm.officer, node, new ScheduleRequest(1, 0, "CASE_FILE_CLOSED", null,
                "DESTROY", LEGAL_BASIS));
        CaseFileView file = rm.caseFile(node, "Rechtsstreit", LocalDate.of(2014, 1, 2));
        DocumentView doc = rm.upload(file, "Klage", "Klageschrift Rechtsstreit");
        String sha = rm.documents.versions(rm.clerkOf(file), doc.id()).get(0).sha256();
        rm.retention.close(rm.clerkOf(file), file.id(), LocalDate.of(2015, 1, 5));

        LegalHoldView hold = rm.holds.place(rm.officer, new NewLegalHold("CASE_FILE", file.id(), "Klage", "1 O 2/26"));
        assertTrue(legalHold(sha));
        assertThrows(ConflictException.class, () -> rm.disposals.propose(rm.officer,
                new NewDisposal("DESTROY", List.of(file.id()))), "a held record cannot be disposed of");
        assertThrows(de.akte.core.storage.BlobRetainedException.class, () -> store.delete(new BlobId(sha)));

        rm.holds.requestLift(rm.officer, hold.id(), "Klage erledigt");
        assertTrue(legalHold(sha), "held until a second officer agrees");
        rm.holds.approveLift(rm.secondOfficer, hold.id());
        assertFalse(legalHold(sha));
        DisposalView d = rm.disposals.propose(rm.officer, new NewDisposal("DESTROY", List.of(file.id())));
        rm.disposals.approve(rm.secondOfficer, d.id());
        rm.disposals.execute(rm.officer, d.id());
        assertFalse(store.exists(new BlobId(sha)));
        assertEquals(Set.of(), Set.copyOf(rm.disposals.pendingBlobDeletions(rm.officer)));
    }

    private boolean legalHold(String sha) throws Exception {
        return server.client().isObjectLegalHoldEnabled(IsObjectLegalHoldEnabledArgs.builder()
                .bucket(settings.bucket())
                .object(settings.keyPrefix() + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha).build());
    }
}
