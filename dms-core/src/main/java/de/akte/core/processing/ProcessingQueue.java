package de.akte.core.processing;

import de.akte.core.document.Document;
import de.akte.core.document.DocumentVersion;
import de.akte.core.indexing.IndexOutbox;
import de.akte.core.shared.Clock;

/**
 * The line of document versions waiting for recognition: a new version gets its processing task and its document
 * is queued for indexing in the caller's unit of work; once that committed, the workers are woken.
 */
public class ProcessingQueue {

    private final ProcessingTaskRepository tasks;
    private final IndexOutbox indexOutbox;
    private final Clock clock;
    private final ProcessingTrigger trigger;

    public ProcessingQueue(ProcessingTaskRepository tasks, IndexOutbox indexOutbox, Clock clock,
                           ProcessingTrigger trigger) {
        this.tasks = tasks;
        this.indexOutbox = indexOutbox;
        this.clock = clock;
        this.trigger = trigger;
    }

    /** Queues the version for recognition and its document for indexing (inside the caller's unit of work). */
    public void enqueue(Document document, DocumentVersion version) {
        tasks.add(new ProcessingTask(document.id(), version.number(), clock.now()));
        indexOutbox.enqueue(document.id());
    }

    /** Completes a task and queues its document for indexing (inside the caller's unit of work). */
    public void completed(long taskId, long documentId) {
        tasks.find(taskId).orElseThrow().complete(clock.now());
        indexOutbox.enqueue(documentId);
    }

    /** Wakes the workers; called after the unit of work that queued something committed. */
    public void workCommitted() {
        trigger.workCommitted();
    }
}
