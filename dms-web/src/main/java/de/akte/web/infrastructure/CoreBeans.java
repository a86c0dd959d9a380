package de.akte.web.infrastructure;

import de.akte.core.application.AnnotationService;
import de.akte.core.application.ApiTokens;
import de.akte.core.application.PasswordLogin;
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
import de.akte.core.audit.ReadAudit;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.lucene.api.GermanAnalysis;
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
import de.akte.ingest.imports.source.ZipLimits;
import de.akte.core.imports.ImportRoots;
import de.akte.ingest.isolation.IsolatedPageImages;
import de.akte.ingest.isolation.IsolatedRecognizer;
import de.akte.ingest.isolation.ParserPool;
import de.akte.ingest.isolation.ParserSettings;
import de.akte.core.health.ComponentHealth;
import de.akte.core.recognition.PageImages;
import de.akte.core.infrastructure.persistence.jpa.JpaClassificationRuleRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaRoutingRequestRepository;
import de.akte.ingest.classify.DepartmentScopedClassifier;
import de.akte.core.infrastructure.persistence.jpa.JpaImportRepository;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.ingest.extract.TikaTextExtractor;
import de.akte.ingest.metadata.MetadataExtractor;
import de.akte.ingest.ocr.OcrSettings;
import de.akte.ingest.recognition.RecognitionSettings;
import de.akte.ingest.image.DecodedPageBudget;
import de.akte.ingest.recognition.ScanRecognizer;
import de.akte.ingest.recognition.ScanSteps;
import jakarta.annotation.PostConstruct;
import de.akte.core.infrastructure.clamav.ClamdAddress;
import de.akte.core.infrastructure.clamav.ClamdClient;
import de.akte.core.infrastructure.clamav.ClamdScanner;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.scanning.ScannerStatus;
import de.akte.core.scanning.SwitchedOffScanner;
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
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Wires the plain-Java core to the container: one instance of each service for the whole
 * application, over the container's transaction-scoped EntityManager and the configured stores.
 */
@ApplicationScoped
public class CoreBeans {

    private static final Logger LOG = Logger.getLogger(CoreBeans.class.getName());

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
    private ParserPool readers;
    private ParserPool renderers;
    private ContentRecognizer recognizer;
    private MalwareScanner malwareScanner;
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
        blobStore = createBlobStore(clock);
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
        ReadAudit reads = new ReadAudit(audit, clock, settings.readAuditWindow());
        documents = new DocumentService(unitOfWork, documentRepository, caseFileRepository, departmentRepository,
                taskRepository, outbox, blobStore, new TikaContentTypeDetector(), audit, clock,
                new UploadLimits(settings.maxUploadBytes()), signal::workCommitted, reads);
        caseFiles = new CaseFileService(unitOfWork, caseFileRepository, departmentRepository, filePlanRepository,
                documentRepository, audit, clock);
        search = new SearchService(textIndex, unitOfWork, reads);
        AkteSettings.Ocr ocr = settings.ocr();
        OcrSettings ocrSettings = new OcrSettings(ocr.tesseract(), ocr.languages(), ocr.pageTimeout(), 300);
        Path pageCache = directory(data.resolve("cache").resolve("pages"));
        PageImages renderedPages;
        Supplier<ComponentHealth> parsersHealth;
        AkteSettings.Parsers parsers = settings.parsers();
        if (parsers.isolated()) {
            // a reader per processing worker, so a slow hostile file holds only its own worker; the readers share
            // AKTE_OCR_THREADS permits, so as many Tesseracts run at once as with the one pool of the server before
            ParserSettings readerSettings = new ParserSettings(Path.of(System.getProperty("java.home"), "bin", "java"),
                    parserClassPath(parsers), data.resolve("parsers"), parsers.heapMiB(), parsers.stallLimit(),
                    parsers.timeLimit(), parsers.renderLimit(), parsers.recycleAfter(), ocr.threads(), ocrSettings);
            readers = new ParserPool("reader", readerSettings, parsers.processes(), threadFactory);
            // the viewer's own renderer: a page to look at never waits behind a long OCR job
            renderers = new ParserPool("renderer", readerSettings, 1, threadFactory);
            recognizer = new IsolatedRecognizer(readers);
            renderedPages = new IsolatedPageImages(pageCache, renderers, settings.pageRendering());
            parsersHealth = () -> worst(readers.health(), renderers.health());
            LOG.info(() -> "Files are read in " + parsers.processes() + " reader process(es) of " + parsers.heapMiB()
                    + " MiB each (" + readerSettings.ocrThreads() + " pages recognised at once in all) and rendered in "
                    + "one more;"
                    + " class path " + readerSettings.classPath());
        } else {
            LOG.warning("AKTE_PARSER_ISOLATION=false: untrusted files are read and rendered in the server's own "
                    + "memory; one hostile file can exhaust it and stop the server. Health reports parsers DEGRADED.");
            ocrPool = Executors.newFixedThreadPool(ocr.threads(), threadFactory);
            // one budget for every page this JVM decodes: recognition and the viewer's page images
            DecodedPageBudget pageBudget = DecodedPageBudget.of(settings.decodedPageBudgetMb(),
                    Runtime.getRuntime().maxMemory());
            LOG.info(() -> "decoded page budget: " + pageBudget.bytes() / (1024 * 1024) + " MB of a "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap");
            RecognitionSettings recognition = RecognitionSettings.defaults().withOcr(ocrSettings);
            recognizer = new ScanRecognizer(recognition, new TikaContentTypeDetector(), new TikaTextExtractor(),
                    new MetadataExtractor(), ScanSteps.of(recognition, pageBudget), ocrPool, ocr.threads());
            renderedPages = new RenderedPages(pageCache, pageBudget, settings.pageRendering());
            parsersHealth = () -> ComponentHealth.degraded("files are read in the server's own memory "
                    + "(AKTE_PARSER_ISOLATION=false)");
        }
        classifier = new DepartmentScopedClassifier(directory(data.resolve("classifier")),
                GermanAnalysis.withBundledDictionary());
        routing = new RoutingDesk(unitOfWork, documentRepository, departmentRepository, caseFileRepository,
                new JpaRoutingRequestRepository(em), classifier, outbox, audit, clock);
        filing = new FilingService(unitOfWork, documentRepository, caseFileRepository, departmentRepository,
                new JpaClassificationRuleRepository(em), classifier, outbox, audit, clock,
                new FilingPolicy(settings.autoFileConfidence()), routing);
        malwareScanner = malwareScanner(settings.malwareScan());
        processor = new DocumentProcessor(unitOfWork, taskRepository, documentRepository, caseFileRepository, outbox,
                blobStore, malwareScanner, recognizer, audit, clock,
                ProcessingPolicy.defaults(nodeName()).withCrashLimit(settings.crashLimit()), signal::workCommitted,
                filing::classify, routing);
        heartbeats = new Heartbeats();
        systemHealth = new SystemHealth(unitOfWork, outbox, taskRepository, blobStore, textIndex, recognizer::ocr,
                malwareScanner, heartbeats, clock, HealthLimits.defaults(), parsersHealth);
        indexer = new DocumentIndexer(unitOfWork, outbox, documentRepository, textIndex, annotationRepository);
        annotations = new AnnotationService(unitOfWork, annotationRepository, documentRepository, outbox, audit, clock);
        savedSearches = new SavedSearchService(unitOfWork, new JpaSavedSearchRepository(em), clock);
        pageHits = new PageHitService(unitOfWork, documentRepository, textIndex, reads);
        pageImages = new PageImageService(unitOfWork, documentRepository, blobStore, renderedPages, reads);
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

    // the reader's class path: AKTE_PARSER_CLASSPATH, else what the build copied into the server (akte-parser/lib)
    private static String parserClassPath(AkteSettings.Parsers parsers) {
        if (parsers.classPath().isPresent()) {
            return parsers.classPath().get();
        }
        String home = System.getProperty("jboss.home.dir");
        if (home == null) {
            return System.getProperty("java.class.path");
        }
        Path lib = Path.of(home, "akte-parser", "lib");
        if (!Files.isDirectory(lib)) {
            LOG.severe("No class path for the reader processes: " + lib + " is missing (set AKTE_PARSER_CLASSPATH)");
        }
        return lib + java.io.File.separator + "*";
    }

    private static ComponentHealth worst(ComponentHealth readers, ComponentHealth renderer) {
        return readers.status().worst(renderer.status()) == readers.status() ? readers : renderer;
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

    private BlobStore createBlobStore(Clock clock) {
        if (settings.storage().equals("s3")) {
            Path spool = directory(settings.spoolDir());
            AkteSettings.S3 s3 = settings.s3();
            ObjectLockMode mode = s3.objectLockMode() == null ? null
                    : ObjectLockMode.valueOf(s3.objectLockMode().toUpperCase(Locale.ROOT));
            return new S3BlobStore(new S3Settings(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(),
                    s3.secretKey(), mode, null), spool);
        }
        // the file store moves finished blobs into place atomically: its temporary files stay on the blobs' disk
        return new FileSystemBlobStore(directory(settings.dataDir().resolve("blobs")),
                directory(settings.dataDir().resolve("spool")), clock);
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
        if (readers != null) {
            readers.close();
        }
        if (renderers != null) {
            renderers.close();
        }
        if (textIndex != null) {
            textIndex.close();
        }
    }

    // switched off is allowed, but never quietly; an unreachable clamd is no reason not to start: files wait for it
    private static MalwareScanner malwareScanner(AkteSettings.MalwareScan settings) {
        if (!settings.enabled()) {
            LOG.warning("MALWARE SCANNING IS SWITCHED OFF (AKTE_MALWARE_SCAN=off): incoming files are not checked "
                    + "for malware; health reports DEGRADED until it is switched on again");
            return new SwitchedOffScanner();
        }
        ClamdScanner scanner = new ClamdScanner(new ClamdClient(ClamdAddress.parse(settings.clamd()),
                Duration.ofSeconds(5), settings.timeout()), settings.maxStreamBytes());
        ScannerStatus status = scanner.status();
        if (status.available()) {
            LOG.info("malware scanning by " + status.engine() + " at " + settings.clamd() + (status.signatures() == null
                    ? " (its signature database names no version)" : ", signatures " + status.signatures()
                    + (status.signaturesDate() == null ? "" : " of " + status.signaturesDate())));
        } else {
            LOG.warning("malware scanner not available, new files wait until it is: " + status.reason());
        }
        return scanner;
    }

    /** The malware scanner, e.g. to ask whether it answers. */
    public MalwareScanner malwareScanner() {
        return malwareScanner;
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
    ImportRoots importRoots() {
        return settings.importRoots();
    }

    @Produces
    @Dependent
    ZipLimits zipLimits() {
        return settings.zipLimits();
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
