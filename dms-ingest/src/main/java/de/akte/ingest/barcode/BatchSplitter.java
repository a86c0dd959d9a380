package de.akte.ingest.barcode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a scanned batch into documents at separator pages, which are dropped.
 *
 * <p>Pages before the first separator form a document without file reference. Separators with nothing between
 * them yield no empty document; the last of them decides the file reference, since it lies directly on the
 * document it introduces.
 */
public final class BatchSplitter {

    /** The documents in batch order. */
    public List<SplitDocument> split(List<SeparatorSignal> pageSignals) {
        List<SplitDocument> documents = new ArrayList<>();
        List<Integer> pages = new ArrayList<>();
        Optional<String> reference = Optional.empty();
        for (int i = 0; i < pageSignals.size(); i++) {
            SeparatorSignal signal = pageSignals.get(i);
            if (signal.separator()) {
                if (!pages.isEmpty()) {
                    documents.add(new SplitDocument(pages, reference));
                    pages = new ArrayList<>();
                }
                reference = signal.fileReference();
            } else {
                pages.add(i);
            }
        }
        if (!pages.isEmpty()) {
            documents.add(new SplitDocument(pages, reference));
        }
        return documents;
    }
}
