package de.akte.core.application.records;

import de.akte.core.application.annotations.AnnotationService;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.DocumentView;
import de.akte.core.application.documents.NewDocument;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.filing.CaseFileView;
import de.akte.core.application.filing.FilingService;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.application.search.DocumentIndexer;
import de.akte.core.application.search.SearchService;
import de.akte.core.testing.WordVoteClassifier;
import de.akte.core.audit.AuditTrail;
import de.akte.core.fileplan.FilePlan;
import de.akte.core.fileplan.FilePlanNode;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.persistence.jpa.JpaDocumentRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaFilePlanRepository;
import de.akte.core.recognition.PageImages;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.storage.BlobStore;
import de.akte.core.AkteCore;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.WordVoteClassifier;
import de.akte.core.testing.TestDatabase;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The records-management services wired over a real database, the given blob store and a real
 * index, with helpers to build file plans, case files and documents; shared by the scenario test
 * and the S3 end-to-end test.
 */
public final class RecordsFixture implements AutoCloseable {

    public final JpaTestContext db;
    public final AuditTrail audit;
    public final Directory directory;
    public final DocumentService documents;
    public final CaseFileService caseFiles;
    public final DocumentProcessor processor;
    public final FilingService filing;
    public final DocumentIndexer indexer;
    public final AnnotationService annotations;
    public final SearchService search;
    public final RetentionService retention;
    public final LegalHoldService holds;
    public final DisposalService disposals;
    public final ArchiveTransferService transfers;
    public final JpaFilePlanRepository filePlans;
    public final JpaDocumentRepository documentRepository;
    public final KeptPages pages = new KeptPages();
    private final LuceneTextIndex index;
    private final WordVoteClassifier classifier = new WordVoteClassifier();
    private final AtomicInteger sequence = new AtomicInteger();

    public final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
    public final Caller officer = new Caller("registratur1", Set.of(Role.RECORDS_OFFICER), Set.of());
    public final Caller secondOfficer = new Caller("registratur2", Set.of(Role.RECORDS_OFFICER), Set.of());

    public RecordsFixture(TestDatabase.Kind kind, Supplier<BlobStore> blobStore, Clock clock, boolean worm) {
        db = new JpaTestContext(kind);
        var em = db.entityManager();
        index = new LuceneTextIndex(new ByteBuffersDirectory(), GermanCompoundSplitter.withBundledDictionary());
        BlobStore blobs = blobStore.get();
        documentRepository = new JpaDocumentRepository(em);
        filePlans = new JpaFilePlanRepository(em);
        AkteCore core = TestCore.over(db, clock, blobs).index(index).classifier(classifier).pageImages(pages)
                .worm(worm).build();
        audit = core.audit();
        directory = core.directory();
        documents = core.documents();
        caseFiles = core.caseFiles();
        filing = core.filing();
        processor = core.processor();
        indexer = core.indexer();
        annotations = core.annotations();
        search = core.search();
        retention = core.retention();
        holds = core.legalHolds();
        disposals = core.disposals();
        transfers = core.transfers();
    }

    /** A fresh file-plan node (under {@code parent}, or a new plan's root when {@code null}); returns its id. */
    public long node(Long parent, String title) {
        int n = sequence.incrementAndGet();
        return db.call(() -> {
            FilePlan plan;
            FilePlanNode parentNode = null;
            if (parent == null) {
                plan = new FilePlan("Aktenplan " + n + " " + System.nanoTime());
                filePlans.addPlan(plan);
            } else {
                parentNode = filePlans.findNode(parent).orElseThrow();
                plan = parentNode.filePlan();
            }
            FilePlanNode node = new FilePlanNode(plan, parentNode, "n" + n + "-" + System.nanoTime(), title);
            filePlans.addNode(node);
            return node.id();
        });
    }

    public String nodeCode(long id) {
        return db.call(() -> filePlans.findNode(id).orElseThrow().code());
    }

    /** A case file in a fresh department under the node; returns its view. */
    public CaseFileView caseFile(long nodeId, String title) {
        return caseFile(nodeId, title, null);
    }

    /** A case file opened on the given day (legacy files are opened in the past). */
    public CaseFileView caseFile(long nodeId, String title, java.time.LocalDate openedOn) {
        int n = sequence.incrementAndGet();
        String dept = "rm" + n;
        directory.createDepartment(admin, dept, "Abteilung " + n);
        return caseFiles.open(admin, new NewCaseFile(dept + "-" + n + "/" + System.nanoTime() % 100000, title, dept,
                nodeCode(nodeId), openedOn));
    }

    public Caller clerkOf(CaseFileView c) {
        return new Caller("clerk-" + c.department(), Set.of(Role.CLERK), Set.of(c.department()));
    }

    public DocumentView upload(CaseFileView c, String title, String text) {
        return documents.upload(clerkOf(c), new NewDocument(title, c.fileReference(), null, "Antrag", title + ".txt"),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** How many filed documents the classifier has learned from. */
    public long learnedExamples() {
        return classifier.size();
    }

    public void settle() {
        while (processor.processDue(50) > 0) {
            // until the queue is empty
        }
        indexer.drainAll();
    }

    @Override
    public void close() {
        index.close();
        db.close();
    }

    /** The page-image cache's port, remembering which content it was told to forget. */
    public static final class KeptPages implements PageImages {
        public final List<String> forgotten = new ArrayList<>();

        @Override
        public byte[] render(String sha256, Supplier<Path> source, String mediaType, int pageIndex, int width) {
            throw new UnsupportedOperationException("records tests render no pages");
        }

        @Override
        public void forget(String sha256) {
            forgotten.add(sha256);
        }
    }
}
