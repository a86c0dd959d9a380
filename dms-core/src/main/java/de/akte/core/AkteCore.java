package de.akte.core;

import de.akte.core.application.annotations.AnnotationService;
import de.akte.core.application.demo.DemoData;
import de.akte.core.application.demo.DemoRecords;
import de.akte.core.application.demo.DemoUsers;
import de.akte.core.application.directory.ApiTokens;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.directory.PasswordLogin;
import de.akte.core.application.directory.TokenLifetime;
import de.akte.core.application.documents.DocumentChanges;
import de.akte.core.application.documents.DocumentIntake;
import de.akte.core.application.documents.DocumentPlacement;
import de.akte.core.application.documents.DocumentReading;
import de.akte.core.application.documents.DocumentService;
import de.akte.core.application.documents.IncomingContent;
import de.akte.core.application.documents.MetadataChanges;
import de.akte.core.application.documents.NewDocuments;
import de.akte.core.application.documents.NewVersions;
import de.akte.core.application.documents.PageImageService;
import de.akte.core.application.filing.AutomaticFiling;
import de.akte.core.application.filing.CaseFileOpening;
import de.akte.core.application.filing.CaseFileService;
import de.akte.core.application.filing.ClassificationRules;
import de.akte.core.application.filing.ClassifierTraining;
import de.akte.core.application.filing.DocumentHandover;
import de.akte.core.application.filing.FilePlanService;
import de.akte.core.application.filing.FilingDecisions;
import de.akte.core.application.filing.FilingPrediction;
import de.akte.core.application.filing.FilingService;
import de.akte.core.application.filing.RegistryQuestions;
import de.akte.core.application.filing.ReviewInbox;
import de.akte.core.application.filing.RoutingDesk;
import de.akte.core.application.health.ReaderHealth;
import de.akte.core.application.health.StoreHealth;
import de.akte.core.application.health.SystemHealth;
import de.akte.core.application.health.WorkerHealth;
import de.akte.core.application.imports.BatchClosing;
import de.akte.core.application.imports.BatchOpening;
import de.akte.core.application.imports.ImportReports;
import de.akte.core.application.imports.ImportService;
import de.akte.core.application.imports.ItemIntake;
import de.akte.core.application.mail.MessageIntake;
import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.application.processing.DocumentProgress;
import de.akte.core.application.processing.LocalCopies;
import de.akte.core.application.processing.MalwareCheck;
import de.akte.core.application.processing.RecognitionResults;
import de.akte.core.application.processing.ScannedBatches;
import de.akte.core.application.processing.SeparatorSheets;
import de.akte.core.application.processing.TaskOutcomes;
import de.akte.core.application.records.ApprovedContents;
import de.akte.core.application.records.ArchiveCorrespondence;
import de.akte.core.application.records.ArchiveTransferService;
import de.akte.core.application.records.CaseFileRetention;
import de.akte.core.application.records.DestroyedContent;
import de.akte.core.application.records.DestructionRecords;
import de.akte.core.application.records.DisposalDecisions;
import de.akte.core.application.records.DisposalExecution;
import de.akte.core.application.records.DisposalRegister;
import de.akte.core.application.records.DisposalService;
import de.akte.core.application.records.DueForDisposal;
import de.akte.core.application.records.FilePlanRetention;
import de.akte.core.application.records.HoldTargets;
import de.akte.core.application.records.LegalHoldService;
import de.akte.core.application.records.RecordDestruction;
import de.akte.core.application.records.RecordsProtection;
import de.akte.core.application.records.RetentionChanges;
import de.akte.core.application.records.RetentionRules;
import de.akte.core.application.records.RetentionService;
import de.akte.core.application.records.StorageRetention;
import de.akte.core.application.records.TransferredRecords;
import de.akte.core.application.search.DocumentIndexer;
import de.akte.core.application.search.PageHitService;
import de.akte.core.application.search.SavedSearchService;
import de.akte.core.application.search.SearchService;
import de.akte.core.audit.AuditTrail;
import de.akte.core.audit.ReadAudit;
import de.akte.core.health.Heartbeats;
import de.akte.core.processing.ProcessingQueue;
import de.akte.core.security.HashingGate;
import de.akte.core.security.LoginThrottle;
import de.akte.core.security.PasswordHasher;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.xdomea.XdomeaMessages;
import de.akte.core.xdomea.XdomeaSchema;

/**
 * The core assembled: every service of Akte built once from its adapters and settings. This is the one place that
 * wires the service graph; the web application adapts it to CDI, the tests use it as it is.
 */
public final class AkteCore {

    private final AuditTrail audit;
    private final Directory directory;
    private final ApiTokens apiTokens;
    private final PasswordLogin passwordLogin;
    private final DocumentIntake documentIntake;
    private final DocumentService documents;
    private final PageImageService pageImages;
    private final CaseFileService caseFiles;
    private final FilePlanService filePlan;
    private final RoutingDesk routing;
    private final FilingService filing;
    private final DocumentProcessor processor;
    private final DocumentIndexer indexer;
    private final SearchService search;
    private final SavedSearchService savedSearches;
    private final PageHitService pageHits;
    private final AnnotationService annotations;
    private final ImportService imports;
    private final MessageIntake mail;
    private final RetentionService retention;
    private final LegalHoldService legalHolds;
    private final DisposalService disposals;
    private final ArchiveTransferService transfers;
    private final Heartbeats heartbeats;
    private final SystemHealth systemHealth;
    private final DemoData demoData;

    public AkteCore(CoreAdapters adapters, CoreSettings settings) {
        UnitOfWork tx = adapters.unitOfWork();
        Repositories r = adapters.repositories();
        Clock clock = adapters.clock();
        audit = new AuditTrail(r.audit(), clock);
        ReadAudit reads = new ReadAudit(audit, clock, settings.readAuditWindow());

        // directory and security
        PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
        directory = new Directory(tx, r.users(), r.departments(), hasher, audit, clock);
        CoreSettings.SignIn signIn = settings.signIn();
        apiTokens = new ApiTokens(tx, r.apiTokens(), directory, audit, clock,
                new TokenLifetime(signIn.tokenLifetime(), signIn.tokenMaxLifetime()));
        passwordLogin = new PasswordLogin(directory,
                new LoginThrottle(signIn.accountThrottle(), signIn.addressThrottle(), clock),
                new HashingGate(signIn.hashConcurrency(), signIn.hashWait()), audit, tx);

        // documents
        ProcessingQueue queue = new ProcessingQueue(r.tasks(), r.indexOutbox(), clock, adapters.trigger());
        DocumentPlacement placement = new DocumentPlacement(r.caseFiles(), r.departments());
        IncomingContent incoming = new IncomingContent(adapters.blobs(), adapters.detector(), settings.uploads());
        documentIntake = new DocumentIntake(tx, placement, incoming, queue,
                new NewDocuments(r.documents(), placement, queue, audit, clock),
                new NewVersions(tx, r.documents(), incoming, queue, audit, clock));
        DocumentChanges changes = new DocumentChanges(r.indexOutbox(), audit);
        documents = new DocumentService(documentIntake,
                new DocumentReading(tx, r.documents(), adapters.blobs(), audit, reads),
                new MetadataChanges(tx, r.documents(), placement, changes));
        pageImages = new PageImageService(tx, r.documents(), adapters.blobs(), adapters.pageImages(), reads);

        // filing
        caseFiles = new CaseFileService(tx, r.caseFiles(), r.documents(),
                new CaseFileOpening(tx, r.caseFiles(), r.departments(), r.filePlans(), audit, clock), audit, clock);
        filePlan = new FilePlanService(tx, r.filePlans(), audit);
        ClassifierTraining training = new ClassifierTraining(tx, r.documents(), adapters.classifier());
        RegistryQuestions questions = new RegistryQuestions(tx, r.routingRequests(), r.documents(), audit, clock);
        routing = new RoutingDesk(questions,
                new DocumentHandover(tx, r.documents(), placement, questions, training, changes));
        filing = new FilingService(
                new AutomaticFiling(tx, r.documents(), new FilingPrediction(adapters.classifier(), r.caseFiles(),
                        r.classificationRules(), routing, settings.filing()), training, changes),
                new FilingDecisions(tx, r.documents(), placement, training, changes),
                new ReviewInbox(tx, r.documents()),
                new ClassificationRules(tx, r.classificationRules(), audit, clock), training);

        // recognition and processing
        LocalCopies copies = new LocalCopies(adapters.blobs());
        processor = new DocumentProcessor(
                new TaskOutcomes(tx, r.tasks(), new DocumentProgress(r.documents(), r.indexOutbox()), audit, clock,
                        settings.processing()),
                new MalwareCheck(tx, r.documents(), adapters.malwareScanner()), adapters.recognizer(),
                new RecognitionResults(tx, r.documents(), queue, copies, filing::classify),
                new ScannedBatches(tx, r.documents(), new SeparatorSheets(r.caseFiles(), routing), queue, audit,
                        clock), copies);

        // search and annotations
        indexer = new DocumentIndexer(tx, r.indexOutbox(), r.documents(), adapters.textIndex(), r.annotations());
        search = new SearchService(adapters.textIndex(), tx, reads);
        savedSearches = new SavedSearchService(tx, r.savedSearches(), clock);
        pageHits = new PageHitService(tx, r.documents(), adapters.textIndex(), reads);
        annotations = new AnnotationService(tx, r.annotations(), r.documents(), r.indexOutbox(), audit, clock);

        // imports
        ImportReports importReports = new ImportReports(tx, r.imports(), r.documents(), clock);
        imports = new ImportService(
                new BatchOpening(tx, r.imports(), placement, importReports, audit, clock),
                new ItemIntake(tx, r.imports(), documentIntake, importReports, clock),
                new BatchClosing(tx, r.imports(), documentIntake, importReports, audit, clock),
                importReports);

        // e-mail: messages (from mailboxes, uploads) recorded exactly once as a process with their attachments
        mail = new MessageIntake(tx, r.receivedMessages(), documentIntake, placement, r.caseFiles(), audit, clock,
                settings.processing().crashLimit());

        // records management: retention, legal holds, disposal, transfer to the archive
        RecordsProtection protection = new RecordsProtection(adapters.blobs(), r.documents(), clock, settings.worm());
        RetentionRules rules = new RetentionRules(r.documents(), r.holds(), clock);
        StorageRetention storage = new StorageRetention(tx, r.caseFiles(), rules, protection);
        ApprovedContents approved = new ApprovedContents(tx, r.disposals(), r.caseFiles(), r.documents(), audit,
                clock);
        retention = new RetentionService(new FilePlanRetention(tx, r.filePlans(), storage, audit),
                new CaseFileRetention(tx, r.caseFiles(), approved, new RetentionChanges(rules, storage, audit), clock),
                storage);
        legalHolds = new LegalHoldService(tx, r.holds(), new HoldTargets(r.caseFiles(), r.documents()), protection,
                audit, clock);
        DueForDisposal due = new DueForDisposal(tx, r.disposals(), r.caseFiles(), r.documents(), rules, clock);
        DestroyedContent destroyed = new DestroyedContent(tx, r.disposals(), r.documents(), adapters.blobs(),
                adapters.pageImages(), adapters.classifier());
        DisposalExecution execution = new DisposalExecution(tx, approved, due,
                new RecordDestruction(r.caseFiles(), r.documents(), r.indexOutbox(),
                        new DestructionRecords(r.disposals(), r.documents(), approved, clock), destroyed, audit),
                audit, clock);
        disposals = new DisposalService(due, new DisposalDecisions(tx, r.disposals(), due, approved, audit, clock),
                execution, new DisposalRegister(tx, r.disposals()), destroyed);
        transfers = new ArchiveTransferService(tx, execution,
                new ArchiveCorrespondence(new XdomeaMessages(new XdomeaSchema()), settings.xdomeaSender(), clock),
                new TransferredRecords(r.documents(), rules, adapters.blobs()), audit, clock);

        // health and demo data
        heartbeats = new Heartbeats();
        systemHealth = new SystemHealth(
                new StoreHealth(tx, r.indexOutbox(), adapters.blobs(), adapters.textIndex()),
                new WorkerHealth(tx, r.tasks(), r.indexOutbox(), heartbeats, settings.health()),
                new ReaderHealth(adapters.recognizer()::ocr, adapters.parsersHealth(), adapters.malwareScanner()),
                clock);
        demoData = new DemoData(tx, r.departments(), new DemoRecords(r.filePlans(), r.caseFiles(), clock),
                new DemoUsers(r.users(), hasher, clock), audit, clock);
    }

    public AuditTrail audit() {
        return audit;
    }

    public Directory directory() {
        return directory;
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public PasswordLogin passwordLogin() {
        return passwordLogin;
    }

    /** Accepting documents without the answer of an upload: for imports and tools. */
    public DocumentIntake documentIntake() {
        return documentIntake;
    }

    public DocumentService documents() {
        return documents;
    }

    public PageImageService pageImages() {
        return pageImages;
    }

    public CaseFileService caseFiles() {
        return caseFiles;
    }

    public FilePlanService filePlan() {
        return filePlan;
    }

    public RoutingDesk routing() {
        return routing;
    }

    public FilingService filing() {
        return filing;
    }

    public DocumentProcessor processor() {
        return processor;
    }

    public DocumentIndexer indexer() {
        return indexer;
    }

    public SearchService search() {
        return search;
    }

    public SavedSearchService savedSearches() {
        return savedSearches;
    }

    public PageHitService pageHits() {
        return pageHits;
    }

    public AnnotationService annotations() {
        return annotations;
    }

    public ImportService imports() {
        return imports;
    }

    /** Recording e-mail messages and their attachments, exactly once. */
    public MessageIntake mail() {
        return mail;
    }

    public RetentionService retention() {
        return retention;
    }

    public LegalHoldService legalHolds() {
        return legalHolds;
    }

    public DisposalService disposals() {
        return disposals;
    }

    public ArchiveTransferService transfers() {
        return transfers;
    }

    public Heartbeats heartbeats() {
        return heartbeats;
    }

    public SystemHealth systemHealth() {
        return systemHealth;
    }

    public DemoData demoData() {
        return demoData;
    }
}
