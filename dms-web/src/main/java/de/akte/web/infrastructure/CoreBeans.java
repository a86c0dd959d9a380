package de.akte.web.infrastructure;

import de.akte.core.application.AnnotationService;
import de.akte.core.application.ApiTokens;
import de.akte.core.application.PasswordLogin;
import de.akte.web.security.BodyLimits;
import de.akte.core.security.HashingGate;
import de.akte.core.security.LoginThrottle;
import de.akte.core.application.PageHitService;
import de.akte.core.application.SavedSearchService;
import de.akte.core.infrastructure.persistence.jpa.JpaAnnotationRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaSavedSearchRepository;
import de.akte.core.application.CaseFileService;
import de.akte.core.application.DemoData;
import de.akte.core.application.ArchiveTransferService;
import de.akte.core.application.DisposalService;
import de.akte.core.xdomea.Sender;
import de.akte.core.xdomea.XdomeaMessages;
import de.akte.core.xdomea.XdomeaSchema;
import de.akte.core.application.FilePlanService;
import de.akte.core.application.LegalHoldService;
import de.akte.core.application.RecordsProtection;
import de.akte.core.application.RetentionService;
import de.akte.core.infrastructure.persistence.jpa.JpaDisposalRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaLegalHoldRepository;
import de.akte.core.application.Directory;
import de.akte.core.application.DocumentIndexer;
import de.akte.core.application.DocumentProcessor;
import de.akte.core.application.DocumentService;
import de.akte.core.application.ProcessingPolicy;
import de.akte.core.application.SearchService;
import de.akte.core.application.UploadLimits;
import de.akte.core.audit.AuditTrail;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.persistence.jpa.JpaApiTokenRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaAuditRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaCaseFileRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaDepartmentRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaDocumentRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaFilePlanRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaIndexOutbox;
import de.akte.core.infrastructure.persistence.jpa.JpaProcessingTaskRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaUserRepository;
import de.akte.core.infrastructure.s3.ObjectLockMode;
import de.akte.core.infrastructure.s3.S3BlobStore;
import de.akte.core.infrastructure.s3.S3Settings;
import de.akte.core.search.TextIndex;
import de.akte.core.security.PasswordHasher;
import de.akte.core.shared.Clock;
import de.akte.core.storage.BlobStore;
import de.akte.ingest.detect.TikaContentTypeDetector;
import de.akte.core.application.FilingPolicy;
import de.akte.core.application.FilingService;
import de.akte.core.application.RoutingDesk;
import de.akte.core.health.HealthLimits;
import de.akte.core.health.Heartbeats;
import de.akte.core.application.SystemHealth;
import de.akte.core.application.ImportService;
import de.akte.core.application.PageImageService;
import de.akte.ingest.pages.RenderedPages;
import de.akte.core.infrastructure.persistence.jpa.JpaClassificationRuleRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaRoutingRequestRepository;
import de.akte.ingest.classify.DepartmentScopedClassifier;
import de.akte.core.infrastructure.persistence.jpa.JpaImportRepository;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.ingest.extract.TikaTextExtractor;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.ocr.OcrSettings;
import de.akte.ingest.recognition.RecognitionSettings;
import de.akte.ingest.recognition.ScanRecognizer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the plain-Java core to the container: one instance of each service for the whole
 * application, over the container's transaction-scoped EntityManager and the configured stores.
 */
@ApplicationScoped
public class CoreBeans {

    @PersistenceContext(unitName = "akte")
    private EntityManager em;

    @Inject
    private JtaUnitOfWork unitOfWork;

    @Inject
    private WorkerSignal signal;

    private AkteSettings settings;
    private BlobStore blobStore;
    private TextIndex textIndex;
    private AuditTrail audit;
    private Directory directory;
    private ApiTokens apiTokens;
    private SecuritySettings security;
    private PasswordLogin passwordLogin;
    private DocumentService documents;
    private CaseFileService caseFiles;
    private SearchService search;
    private DocumentProcessor processor;
    private DocumentIndexer indexer;
    private DemoData demoData;
    private ImportService imports;
    private FilingService filing;
    private PageImageService pageImages;
    private AnnotationService annotations;
    private SavedSearchService savedSearches;
    private PageHitService pageHits;
    private DepartmentScopedClassifier classifier;
    private RoutingDesk routing;
    private Heartbeats heartbeats;
    private SystemHealth systemHealth;
    private ExecutorService ocrPool;
    private ContentRecognizer recognizer;
    private FilePlanService filePlan;
    private RetentionService retention;
    private LegalHoldService legalHolds;
    private DisposalService disposals;
    private ArchiveTransferService transfers;

    // Tesseract processes are waited for on these threads; the container's factory keeps them managed
    @Resource
    private ManagedThreadFactory threadFactory;

    @PostConstruct
    void create() {
        settings = AkteSettings.from(System.getProperties(), System.getenv());
        Clock clock = Clock.system();
        Path data = settings.dataDir();
        Path spool = directory(data.resolve("spool"));
        blobStore = createBlobStore(spool, clock);
        textIndex = openIndex(directory(data.resolve("index")));

        var departmentRepository = new JpaDepartmentRepository(em);
        var userRepository = new JpaUserRepository(em);
        var caseFileRepository = new JpaCaseFileRepository(em);
        var filePlanRepository = new JpaFilePlanRepository(em);
        var documentRepository = new JpaDocumentRepository(em);
        var taskRepository = new JpaProcessingTaskRepository(em);
        var outbox = new JpaIndexOutbox(em, clock);
        var annotationRepository = new JpaAnnotationRepository(em);

        audit = new AuditTrail(new JpaAuditRepository(em), clock);
        PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
        directory = new Directory(unitOfWork, userRepository, departmentRepository, hasher, audit, clock);
        security = SecuritySettings.from(System.getProperties(), System.getenv());
        apiTokens = new ApiTokens(unitOfWork, new JpaApiTokenRepository(em), directory, audit, clock,
                security.tokenLifetime(), security.tokenMaxLifetime());
        passwordLogin = new PasswordLogin(directory,
                new LoginThrottle(security.accountThrottle(), security.addressThrottle(), clock),
                new HashingGate(security.hashConcurrency(), security.hashWait()), audit, unitOfWork);
        documents = new DocumentService(unitOfWork, documentRepository, caseFileRepository, departmentRepository,
                taskRepository, outbox, blobStore, new TikaContentTypeDetector(), audit, clock,
                new UploadLimits(settings.maxUploadBytes()), signal::workCommitted);
        caseFiles = new CaseFileService(unitOfWork, caseFileRepository, departmentRepository, filePlanRepository,
                documentRepository, audit, clock);
        search = new SearchService(textIndex);
        AkteSettings.Ocr ocr = settings.ocr();
        ocrPool = Executors.newFixedThreadPool(ocr.threads(), threadFactory);
        recognizer = new ScanRecognizer(RecognitionSettings.defaults().withOcr(
                new OcrSettings(ocr.tesseract(), ocr.languages(), ocr.pageTimeout(), 300)),
                new TikaContentTypeDetector(), new TikaTextExtractor(), new MetadataExtractor(), ocrPool, ocr.threads());
        classifier = new DepartmentScopedClassifier(directory(data.resolve("classifier")),
                GermanCompoundSplitter.withBundledDictionary());
        routing = new RoutingDesk(unitOfWork, documentRepository, departmentRepository, caseFileRepository,
                new JpaRoutingRequestRepository(em), classifier, outbox, audit, clock);
        filing = new FilingService(unitOfWork, documentRepository, caseFileRepository, departmentRepository,
                new JpaClassificationRuleRepository(em), classifier, outbox, audit, clock,
                new FilingPolicy(settings.autoFileConfidence()), routing);
        processor = new DocumentProcessor(unitOfWork, taskRepository, documentRepository, caseFileRepository, outbox,
                blobStore, recognizer, audit, clock,
                ProcessingPolicy.defaults(nodeName()).withCrashLimit(settings.crashLimit()), signal::workCommitted,
                filing::classify, routing);
        heartbeats = new Heartbeats();
        systemHealth = new SystemHealth(unitOfWork, outbox, taskRepository, blobStore, textIndex, recognizer::ocr,
                heartbeats, clock, HealthLimits.defaults());
        indexer = new DocumentIndexer(unitOfWork, outbox, documentRepository, textIndex, annotationRepository);
        annotations = new AnnotationService(unitOfWork, annotationRepository, documentRepository, outbox, audit, clock);
        savedSearches = new SavedSearchService(unitOfWork, new JpaSavedSearchRepository(em), clock);
        pageHits = new PageHitService(unitOfWork, documentRepository, textIndex);
        RenderedPages renderedPages = new RenderedPages(directory(data.resolve("cache").resolve("pages")));
        pageImages = new PageImageService(unitOfWork, documentRepository, blobStore, renderedPages, audit);
        // an S3 bucket without Object Lock refuses retention requests: WORM is off there, on everywhere else
        boolean worm = !settings.storage().equals("s3") || settings.s3().objectLockMode() != null;
        RecordsProtection protection = new RecordsProtection(blobStore, documentRepository, clock, worm);
        var holdRepository = new JpaLegalHoldRepository(em);
        filePlan = new FilePlanService(unitOfWork, filePlanRepository, audit);
        var disposalRepository = new JpaDisposalRepository(em);
        retention = new RetentionService(unitOfWork, filePlanRepository, caseFileRepository, documentRepository,
                holdRepository, disposalRepository, protection, audit, clock);
        legalHolds = new LegalHoldService(unitOfWork, holdRepository, caseFileRepository, documentRepository,
                protection, audit, clock);
        disposals = new DisposalService(unitOfWork, disposalRepository, caseFileRepository,
                documentRepository, retention, outbox, blobStore, renderedPages, classifier, audit, clock);
        transfers = new ArchiveTransferService(unitOfWork, disposals, caseFileRepository, documentRepository, retention,
                blobStore, new XdomeaMessages(new XdomeaSchema()), xdomeaSender(), audit, clock);
        imports = new ImportService(unitOfWork, new JpaImportRepository(em), departmentRepository, caseFileRepository,
                documentRepository, documents, audit, clock, signal::workCommitted);
        demoData = new DemoData(unitOfWork, departmentRepository, filePlanRepository, caseFileRepository,
                userRepository, hasher, audit, clock);
    }

    // who signs the xdomea messages: AKTE_XDOMEA_SENDER (the administration), AKTE_XDOMEA_ARCHIVE (the archive)
    private static Sender xdomeaSender() {
        String sender = System.getProperty("akte.xdomea.sender", System.getenv().getOrDefault("AKTE_XDOMEA_SENDER",
                "Akte"));
        String archive = System.getProperty("akte.xdomea.archive", System.getenv().getOrDefault(
                "AKTE_XDOMEA_ARCHIVE", "Archiv"));
        return new Sender(sender, archive, "Akte");
    }

    // the server's name as a lease holder; WildFly's node name defaults to the host name
    private static String nodeName() {
        String node = System.getProperty("jboss.node.name");
        if (node == null || node.isBlank()) {
            try {
                node = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                node = "akte";
            }
        }
        return node;
    }

    private BlobStore createBlobStore(Path spool, Clock clock) {
        if (settings.storage().equals("s3")) {
            AkteSettings.S3 s3 = settings.s3();
            ObjectLockMode mode = s3.objectLockMode() == null ? null
                    : ObjectLockMode.valueOf(s3.objectLockMode().toUpperCase(Locale.ROOT));
            return new S3BlobStore(new S3Settings(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(),
                    s3.secretKey(), mode, null), spool);
        }
        return new FileSystemBlobStore(directory(settings.dataDir().resolve("blobs")), spool, clock);
    }

    private static TextIndex openIndex(Path path) {
        try {
            return new LuceneTextIndex(FSDirectory.open(path), GermanCompoundSplitter.withBundledDictionary());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + path, e);
        }
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + path, e);
        }
    }

    @PreDestroy
    void close() {
        if (classifier != null) {
            classifier.close();
        }
        if (ocrPool != null) {
            ocrPool.shutdownNow();
        }
        if (textIndex != null) {
            textIndex.close();
        }
    }

    public AkteSettings settings() {
        return settings;
    }

    /** The recognition pipeline, e.g. to ask whether OCR is available. */
    public ContentRecognizer recognizer() {
        return recognizer;
    }

    @Produces
    @Dependent
    BlobStore blobStore() {
        return blobStore;
    }

    @Produces
    @Dependent
    TextIndex textIndex() {
        return textIndex;
    }

    @Produces
    @Dependent
    AuditTrail auditTrail() {
        return audit;
    }

    @Produces
    @Dependent
    Directory directoryService() {
        return directory;
    }

    @Produces
    @Dependent
    ApiTokens apiTokens() {
        return apiTokens;
    }

    @Produces
    @Dependent
    SecuritySettings securitySettings() {
        return security;
    }

    @Produces
    @Dependent
    BodyLimits bodyLimits() {
        return BodyLimits.fromEnvironment();
    }

    @Produces
    @Dependent
    PasswordLogin passwordLogin() {
        return passwordLogin;
    }

    @Produces
    @Dependent
    DocumentService documentService() {
        return documents;
    }

    @Produces
    @Dependent
    CaseFileService caseFileService() {
        return caseFiles;
    }

    @Produces
    @Dependent
    SearchService searchService() {
        return search;
    }

    @Produces
    @Dependent
    DocumentProcessor documentProcessor() {
        return processor;
    }

    @Produces
    @Dependent
    DocumentIndexer documentIndexer() {
        return indexer;
    }

    @Produces
    @Dependent
    PageImageService pageImageService() {
        return pageImages;
    }

    @Produces
    @Dependent
    FilingService filingService() {
        return filing;
    }

    @Produces
    @Dependent
    Heartbeats heartbeats() {
        return heartbeats;
    }

    @Produces
    @Dependent
    SystemHealth systemHealth() {
        return systemHealth;
    }

    @Produces
    @Dependent
    RoutingDesk routingDesk() {
        return routing;
    }

    @Produces
    @Dependent
    ImportService importService() {
        return imports;
    }

    @Produces
    @Dependent
    AnnotationService annotationService() {
        return annotations;
    }

    @Produces
    @Dependent
    SavedSearchService savedSearchService() {
        return savedSearches;
    }

    @Produces
    @Dependent
    PageHitService pageHitService() {
        return pageHits;
    }

    @Produces
    @Dependent
    DemoData demoData() {
        return demoData;
    }

    @Produces
    @Dependent
    FilePlanService filePlanService() {
        return filePlan;
    }

    @Produces
    @Dependent
    RetentionService retentionService() {
        return retention;
    }

    @Produces
    @Dependent
    LegalHoldService legalHoldService() {
        return legalHolds;
    }

    @Produces
    @Dependent
    DisposalService disposalService() {
        return disposals;
    }

    @Produces
    @Dependent
    ArchiveTransferService archiveTransferService() {
        return transfers;
    }
}
