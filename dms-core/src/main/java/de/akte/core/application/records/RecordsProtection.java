package de.akte.core.application.records;

import de.akte.core.casefile.CaseFile;
import de.akte.core.document.Document;
import de.akte.core.document.DocumentRepository;
import de.akte.core.document.DocumentVersion;
import de.akte.core.shared.Clock;
import de.akte.core.storage.BlobId;
import de.akte.core.storage.BlobStore;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Makes the storage enforce what the records rules decided (WORM): a record's blobs are retained
 * until its disposal date and held while a legal hold covers it. Switched off for an S3 bucket
 * without Object Lock, where the store would refuse every such request.
 */
public class RecordsProtection {

    private final BlobStore blobs;
    private final DocumentRepository documents;
    private final Clock clock;
    private final boolean enabled;

    public RecordsProtection(BlobStore blobs, DocumentRepository documents, Clock clock, boolean enabled) {
        this.blobs = blobs;
        this.documents = documents;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** Whether the storage is asked to enforce retention and holds at all. */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Retains every blob of the case file until the start of its disposal date. Only extends
     * (a shared blob keeps the latest date of its records); a date already past changes nothing.
     */
    void retain(CaseFile caseFile, LocalDate disposalDate) {
        if (!enabled) {
            return;
        }
        Instant until = disposalDate.atStartOfDay(Clock.ZONE).toInstant();
        if (!until.isAfter(clock.now())) {
            return;
        }
        for (String sha256 : blobsOf(documents.findInCaseFile(caseFile))) {
            blobs.retainUntil(new BlobId(sha256), until);
        }
    }

    void hold(Collection<String> sha256s, boolean hold) {
        if (!enabled) {
            return;
        }
        for (String sha256 : sha256s) {
            BlobId id = new BlobId(sha256);
            if (blobs.exists(id)) {
                blobs.setLegalHold(id, hold);
            }
        }
    }

    /** The originals and renditions of every version of the documents. */
    static Set<String> blobsOf(Collection<Document> docs) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document d : docs) {
            for (DocumentVersion v : d.versions()) {
                ids.add(v.sha256());
                v.renditionSha256().ifPresent(ids::add);
            }
        }
        return ids;
    }
}
