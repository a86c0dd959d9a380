package de.akte.web.infrastructure;

import de.akte.core.AkteCore;
import de.akte.core.CoreAdapters;
import de.akte.core.infrastructure.persistence.jpa.JpaRepositories;
import de.akte.core.application.annotations.AnnotationService;
import de.akte.core.application.directory.ApiTokens;
import de.akte.core.application.directory.PasswordLogin;
import de.akte.core.application.search.PageHitService;
import de.akte.core.application.search.SavedSearchService;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.demo.DemoData;
import de.akte.core.application.records.ArchiveTransferService;
import de.akte.core.application.records.DisposalService;
import de.akte.core.application.filing.FilePlanService;
import de.akte.core.application.records.LegalHoldService;
import de.akte.core.application.records.RetentionService;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.search.DocumentIndexer;
import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.search.SearchService;
import de.akte.core.security.HashingGate;
import de.akte.core.security.LoginThrottle;
import de.akte.core.infrastructure.persistence.jpa.JpaAnnotationRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaSavedSearchRepository;
import de.akte.core.xdomea.Sender;
import de.akte.core.xdomea.XdomeaMessages;
import de.akte.core.xdomea.XdomeaSchema;
import de.akte.core.application.records.RecordsProtection;
import de.akte.core.infrastructure.persistence.jpa.JpaDisposalRepository;
import de.akte.core.infrastructure.persistence.jpa.JpaLegalHoldRepository;
import de.akte.core.application.processing.ProcessingPolicy;
import de.akte.core.application.documents.UploadLimits;
import de.akte.core.audit.AuditTrail;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanTextAnalysis;
import de.akte.core.infrastructure.opensearch.OpenSearchTextIndex;
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
import de.akte.core.shared.Clock;
import de.akte.core.storage.BlobStore;
import de.akte.ingest.detect.TikaContentTypeDetector;
import de.akte.core.application.filing.FilingService;
import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.health.Heartbeats;
import de.akte.core.application.health.SystemHealth;
import de.akte.core.application.imports.ImportService;
import de.akte.core.application.mail.MessageIntake;
import de.akte.core.application.documents.PageImageService;
import de.akte.ingest.pages.RenderedPages;
import de.akte.ingest.imports.source.ZipLimits;
import de.akte.core.imports.ImportRoots;
import de.akte.ingest.isolation.IsolatedPageImages;
import de.akte.ingest.isolation.IsolatedRecognizer;
import de.akte.ingest.isolation.ParserPool;
import de.akte.ingest.isolation.ParserSettings;
import de.akte.core.health.ComponentHealth;
import de.akte.core.recognition.PageImages;
import de.akte.ingest.classify.DepartmentScopedClassifier;
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

    @Inject
    private AkteSettings settings;

    private AkteCore core;
    private BlobStore blobStore;
    private TextIndex textIndex;
    private DepartmentScopedClassifier classifier;
    private ExecutorService ocrPool;
    private ParserPool readers;
    private ParserPool renderers;
    private ContentRecognizer recognizer;
    private MalwareScanner malwareScanner;

    // Tesseract processes are waited for on these threads; the container's factory keeps them managed
    @Resource
    private ManagedThreadFactory threadFactory;

    @PostConstruct
    void create() {
        Clock clock = Clock.system();
        Path data = settings.dataDir();
        blobStore = createBlobStore(clock);
        // the compound dictionary takes about half a second and tens of MB to load: the index and the classifier share it
        GermanCompoundSplitter german = GermanCompoundSplitter.withBundledDictionary();
        textIndex = openIndex(settings.search(), data.resolve("index"), german);
        AkteSettings.Ocr ocr = settings.ocr();
        OcrSettings ocrSettings = new OcrSettings(ocr.tesseract(), ocr.languages(), ocr.pageTimeout(), 300);
        Path pageCache = directory(data.resolve("cache").resolve("pages"));
        PageImages renderedPages;
        Supplier<ComponentHealth> parsersHealth;
        AkteSettings.Parsers parsers = settings.parsers();
        if (parsers.isolated()) {
            // a reader per processing worker, so a slow hostile file holds only its own worker; the readers share
            // AKTE_OCR_THREADS permits, so as many Tesseracts run at once as with the one pool of the server before
            ParserSettings readerSettings = new ParserSettings(settings.host().javaHome().resolve("bin").resolve("java"),
                    parserClassPath(parsers, settings.host()), data.resolve("parsers"), parsers.heapMiB(),
                    parsers.stallLimit(), parsers.timeLimit(), parsers.renderLimit(), parsers.recycleAfter(),
                    ocr.threads(), ocrSettings);
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
        classifier = new DepartmentScopedClassifier(directory(data.resolve("classifier")), GermanAnalysis.over(german));
        malwareScanner = malwareScanner(settings.malwareScan());
        core = new AkteCore(new CoreAdapters(unitOfWork, JpaRepositories.over(em, clock), blobStore, textIndex,
                new TikaContentTypeDetector(), recognizer, renderedPages, classifier, malwareScanner,
                signal::workCommitted, clock, parsersHealth), settings.core());
    }

    // the reader's class path: AKTE_PARSER_CLASSPATH, else what the build copied into the server (akte-parser/lib)
    private static String parserClassPath(AkteSettings.Parsers parsers, AkteSettings.Host host) {
        if (parsers.classPath().isPresent()) {
            return parsers.classPath().get();
        }
        if (host.serverHome().isEmpty()) {
            return host.classPath();
        }
        Path lib = host.serverHome().get().resolve("akte-parser").resolve("lib");
        if (!Files.isDirectory(lib)) {
            LOG.severe("No class path for the reader processes: " + lib + " is missing (set AKTE_PARSER_CLASSPATH)");
        }
        return lib + java.io.File.separator + "*";
    }

    private static ComponentHealth worst(ComponentHealth readers, ComponentHealth renderer) {
        return readers.status().worst(renderer.status()) == readers.status() ? readers : renderer;
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

    // OpenSearch is reached lazily: a cluster that is away at start-up is reported by health, not a failed start
    private static TextIndex openIndex(SearchSettings search, Path local, GermanCompoundSplitter german) {
        if (search.openSearch().isPresent()) {
            LOG.info(() -> "search index: " + search.openSearch().get());
            return OpenSearchTextIndex.connect(search.openSearch().get(), new GermanTextAnalysis(german));
        }
        Path path = directory(local);
        try {
            return new LuceneTextIndex(FSDirectory.open(path), german);
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
        // whether clamd is alive must be known in seconds, also by health; a large file may take it minutes
        ClamdScanner scanner = new ClamdScanner(new ClamdClient(ClamdAddress.parse(settings.clamd()),
                Duration.ofSeconds(5), Duration.ofSeconds(10), settings.timeout()), settings.maxStreamBytes());
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

    @Produces
    @Dependent
    ContentRecognizer contentRecognizer() {
        return recognizer;
    }

    @Produces
    @Dependent
    MalwareScanner malwareScannerBean() {
        return malwareScanner;
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
        return core.audit();
    }

    @Produces
    @Dependent
    Directory directoryService() {
        return core.directory();
    }

    @Produces
    @Dependent
    ApiTokens apiTokens() {
        return core.apiTokens();
    }

    @Produces
    @Dependent
    PasswordLogin passwordLogin() {
        return core.passwordLogin();
    }

    @Produces
    @Dependent
    DocumentService documentService() {
        return core.documents();
    }

    @Produces
    @Dependent
    CaseFileService caseFileService() {
        return core.caseFiles();
    }

    @Produces
    @Dependent
    SearchService searchService() {
        return core.search();
    }

    @Produces
    @Dependent
    DocumentProcessor documentProcessor() {
        return core.processor();
    }

    @Produces
    @Dependent
    DocumentIndexer documentIndexer() {
        return core.indexer();
    }

    @Produces
    @Dependent
    PageImageService pageImageService() {
        return core.pageImages();
    }

    @Produces
    @Dependent
    FilingService filingService() {
        return core.filing();
    }

    @Produces
    @Dependent
    Heartbeats heartbeats() {
        return core.heartbeats();
    }

    @Produces
    @Dependent
    SystemHealth systemHealth() {
        return core.systemHealth();
    }

    @Produces
    @Dependent
    RoutingDesk routingDesk() {
        return core.routing();
    }

    @Produces
    @Dependent
    ImportService importService() {
        return core.imports();
    }

    @Produces
    @Dependent
    AnnotationService annotationService() {
        return core.annotations();
    }

    @Produces
    @Dependent
    SavedSearchService savedSearchService() {
        return core.savedSearches();
    }

    @Produces
    @Dependent
    PageHitService pageHitService() {
        return core.pageHits();
    }

    @Produces
    @Dependent
    DemoData demoData() {
        return core.demoData();
    }

    @Produces
    @Dependent
    FilePlanService filePlanService() {
        return core.filePlan();
    }

    @Produces
    @Dependent
    RetentionService retentionService() {
        return core.retention();
    }

    @Produces
    @Dependent
    LegalHoldService legalHoldService() {
        return core.legalHolds();
    }

    @Produces
    @Dependent
    DisposalService disposalService() {
        return core.disposals();
    }

    @Produces
    @Dependent
    MessageIntake messageIntake() {
        return core.mail();
    }

    @Produces
    @Dependent
    ArchiveTransferService archiveTransferService() {
        return core.transfers();
    }
}
