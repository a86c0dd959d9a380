package de.akte.core;

import de.akte.core.classification.Classifier;
import de.akte.core.health.ComponentHealth;
import de.akte.core.processing.ProcessingTrigger;
import de.akte.core.recognition.ContentRecognizer;
import de.akte.core.recognition.PageImages;
import de.akte.core.scanning.MalwareScanner;
import de.akte.core.search.TextIndex;
import de.akte.core.shared.Clock;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.storage.BlobStore;
import de.akte.core.text.ContentTypeDetector;

import java.util.function.Supplier;

/**
 * What the core runs on: transactions, repositories, blob store and search index, the readers of files (type
 * detection, recognition, page images), the classifier, the malware scanner, the signal that wakes the processing
 * workers, the clock, and the health of the separate reader processes (if files are read in them).
 */
public record CoreAdapters(UnitOfWork unitOfWork, Repositories repositories, BlobStore blobs, TextIndex textIndex,
                           ContentTypeDetector detector, ContentRecognizer recognizer, PageImages pageImages,
                           Classifier classifier, MalwareScanner malwareScanner, ProcessingTrigger trigger,
                           Clock clock, Supplier<ComponentHealth> parsersHealth) {
}
