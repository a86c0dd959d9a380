package de.akte.core.testing;

import de.akte.core.AkteCore;
import de.akte.core.CoreAdapters;
import de.akte.core.CoreSettings;
import de.akte.core.application.documents.UploadLimits;
import de.akte.core.application.filing.FilingPolicy;
import de.akte.core.application.processing.ProcessingPolicy;
import de.akte.core.classification.Classifier;
import de.akte.core.health.ComponentHealth;
import de.akte.core.health.HealthLimits;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.infrastructure.persistence.jpa.JpaRepositories;
import de.akte.core.processing.ProcessingTrigger;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.recognition.PageImages;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.scanning.SwitchedOffScanner;
import de.akte.core.search.TextIndex;
import de.akte.core.shared.Clock;
import de.akte.core.storage.BlobStore;
import de.akte.core.text.ContentTypeDetector;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The core as {@link AkteCore} assembles it, over a test database and the given blob store; where a test names
 * nothing else: an in-memory index, plain-text reading, the word-vote classifier, no malware scanner, fast
 * password hashes and every read audited.
 */
public final class TestCore {

    private final JpaTestContext db;
    private final Clock clock;
    private final BlobStore blobs;
    private TextIndex index;
    private ContentTypeDetector detector;
    private ContentRecognizer recognizer;
    private PageImages pageImages = new NoPageImages();
    private Classifier classifier = new WordVoteClassifier();
    private MalwareScanner scanner = new SwitchedOffScanner();
    private ProcessingTrigger trigger = ProcessingTrigger.none();
    private ProcessingPolicy processing = new ProcessingPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), 3);
    private FilingPolicy filing = new FilingPolicy(0.8);
    private boolean worm;
    private Supplier<ComponentHealth> parsersHealth = ComponentHealth::up;
    private CoreSettings.SignIn signIn = CoreSettings.SignIn.defaults();

    private TestCore(JpaTestContext db, Clock clock, BlobStore blobs) {
        this.db = db;
        this.clock = clock;
        this.blobs = blobs;
        PlainTextExtraction extraction = new PlainTextExtraction();
        this.detector = extraction;
        this.recognizer = extraction;
    }

    /** The core over this database and blob store, on this clock. */
    public static TestCore over(JpaTestContext db, Clock clock, BlobStore blobs) {
        return new TestCore(db, clock, blobs);
    }

    public TestCore index(TextIndex index) {
        this.index = index;
        return this;
    }

    /** Reads files with this extraction (type detection and recognition). */
    public TestCore reading(PlainTextExtraction extraction) {
        this.detector = extraction;
        this.recognizer = extraction;
        return this;
    }

    public TestCore recognizer(ContentRecognizer recognizer) {
        this.recognizer = recognizer;
        return this;
    }

    public TestCore pageImages(PageImages pageImages) {
        this.pageImages = pageImages;
        return this;
    }

    public TestCore classifier(Classifier classifier) {
        this.classifier = classifier;
        return this;
    }

    public TestCore scanner(MalwareScanner scanner) {
        this.scanner = scanner;
        return this;
    }

    public TestCore trigger(ProcessingTrigger trigger) {
        this.trigger = trigger;
        return this;
    }

    public TestCore processing(ProcessingPolicy processing) {
        this.processing = processing;
        return this;
    }

    public TestCore filing(FilingPolicy filing) {
        this.filing = filing;
        return this;
    }

    public TestCore worm(boolean worm) {
        this.worm = worm;
        return this;
    }

    public TestCore signIn(CoreSettings.SignIn signIn) {
        this.signIn = signIn;
        return this;
    }

    public TestCore parsersHealth(Supplier<ComponentHealth> parsersHealth) {
        this.parsersHealth = parsersHealth;
        return this;
    }

    public AkteCore build() {
        TextIndex textIndex = index != null ? index
                : new LuceneTextIndex(new ByteBuffersDirectory(), GermanCompoundSplitter.withBundledDictionary());
        return new AkteCore(new CoreAdapters(db, JpaRepositories.over(db.entityManager(), clock), blobs, textIndex,
                detector, recognizer, pageImages, classifier, scanner, trigger, clock, parsersHealth),
                new CoreSettings(1000, Duration.ZERO, new UploadLimits(1024 * 1024), filing, processing, worm,
                        new de.akte.core.xdomea.Sender("Stadt Musterstadt", "Stadtarchiv Musterstadt", "Akte"), signIn,
                        HealthLimits.defaults()));
    }

    /** Page images for tests that render none. */
    private static final class NoPageImages implements PageImages {
        @Override
        public byte[] render(String sha256, Supplier<Path> source, String mediaType, int pageIndex, int width) {
            throw new UnsupportedOperationException("this test renders no pages");
        }

        @Override
        public void forget(String sha256) {
            // nothing cached
        }
    }
}
