package de.akte.ingest.mail;

import de.akte.core.AkteCore;
import de.akte.core.application.filing.CaseFileView;
import de.akte.core.application.filing.NewCaseFile;
import de.akte.core.infrastructure.filesystem.FileSystemBlobStore;
import de.akte.core.infrastructure.lucene.LuceneTextIndex;
import de.akte.core.infrastructure.lucene.analysis.GermanCompoundSplitter;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.scanning.SwitchedOffScanner;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.testing.JpaTestContext;
import de.akte.core.testing.PlainTextExtraction;
import de.akte.core.testing.TestCore;
import de.akte.core.testing.TestDatabase;
import de.akte.ingest.imports.source.ZipLimits;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** The core over a real database, blob store and index, with the mail intake of dms-ingest on top. */
final class MailFixture implements AutoCloseable {

    /** Small limits, so that the hostile messages stay small too. */
    static final MailLimits LIMITS = new MailLimits(4L << 20, 20, 12, new ZipLimits(50, 2L << 20, 50));

    final Path dir;
    final JpaTestContext db;
    final LuceneTextIndex index;
    final AkteCore core;
    final MessageDisassembler disassembler;
    final MessageReception reception;
    final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of());
    private final AtomicInteger sequence = new AtomicInteger();

    MailFixture(TestDatabase.Kind kind, MalwareScanner scanner) {
        try {
            dir = Files.createTempDirectory("akte-mail");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Clock clock = Instant::now;
        db = new JpaTestContext(kind);
        index = new LuceneTextIndex(new ByteBuffersDirectory(), GermanCompoundSplitter.withBundledDictionary());
        core = TestCore.over(db, clock, new FileSystemBlobStore(dir.resolve("blobs"), dir.resolve("tmp"), clock))
                .index(index).reading(new PlainTextExtraction()).scanner(scanner).build();
        disassembler = new MessageDisassembler(core.mail(), LIMITS, dir.resolve("spool"));
        reception = new MessageReception(core.mail(), disassembler);
    }

    MailFixture(TestDatabase.Kind kind) {
        this(kind, new SwitchedOffScanner());
    }

    /** A new department (and, if asked, an open case file of it); returns its code. */
    String department() {
        String code = "p" + sequence.incrementAndGet();
        core.directory().createDepartment(admin, code, "Posteingang " + code);
        return code;
    }

    CaseFileView caseFile(String department) {
        return core.caseFiles().open(admin, new NewCaseFile(department + "-10/2026", "Bauantrag Lindenstraße",
                department, null, null));
    }

    Path spool() {
        return dir.resolve("spool");
    }

    @Override
    public void close() {
        index.close();
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder
        }
    }
}
