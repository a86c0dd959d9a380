package de.akte.core.application.processing;

import de.akte.core.audit.AuditAction;
import de.akte.core.audit.AuditTrail;
import de.akte.core.document.Document;
import de.akte.core.processing.ProcessingState;
import de.akte.core.processing.ProcessingTask;
import de.akte.core.processing.ProcessingTaskRepository;
import de.akte.core.scanning.ScanVerdict;
import de.akte.core.security.Access;
import de.akte.core.security.Caller;
import de.akte.core.security.Role;
import de.akte.core.shared.Clock;
import de.akte.core.shared.ConflictException;
import de.akte.core.shared.UnitOfWork;
import de.akte.core.security.SystemActor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * What becomes of a processing task and its document: claimed with a lease, postponed, given up, retried later,
 * or, when its worker does not come back (a crash, a killed server, a lease that ran out), counted as a crash of
 * the file and at the policy's crash limit set aside as QUARANTINED until an administrator retries it.
 */
public class TaskOutcomes {

    private static final String SYSTEM = SystemActor.PROCESSING.actorName();
    private static final Logger LOG = Logger.getLogger(TaskOutcomes.class.getName());

    private final UnitOfWork unitOfWork;
    private final ProcessingTaskRepository tasks;
    private final DocumentProgress progress;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProcessingPolicy policy;

    public TaskOutcomes(UnitOfWork unitOfWork, ProcessingTaskRepository tasks, DocumentProgress progress,
                        AuditTrail audit, Clock clock, ProcessingPolicy policy) {
        this.unitOfWork = unitOfWork;
        this.tasks = tasks;
        this.progress = progress;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Takes back the tasks this server held when it stopped; each counts as a crash of its task. Returns how many
     * were taken back.
     */
    int recoverAfterRestart() {
        List<Long> held = unitOfWork.call(() -> tasks.heldBy(policy.node()));
        int released = 0;
        for (long id : held) {
            if (workerLost(id, task -> task.isHeldBy(policy.node()), "the server stopped while processing it",
                    Duration.ZERO)) {
                released++;
            }
        }
        int count = released;
        if (count > 0) {
            LOG.info(() -> count + " processing task(s) interrupted by the last stop were put back in the queue"
                    + " or set aside");
        }
        return count;
    }

    /** Takes back the tasks whose lease ran out, then names up to {@code limit} tasks due now. */
    List<Long> dueAfterLostWorkers(int limit) {
        Instant now = clock.now();
        List<Long> expired = unitOfWork.call(() -> tasks.leaseRanOut(now));
        int released = 0;
        for (long id : expired) {
            if (workerLost(id, task -> task.leaseRanOut(now), "its worker did not finish within "
                    + policy.lease().toMinutes() + " minutes", Duration.ZERO)) {
                released++;
            }
        }
        if (released > 0) {
            int count = released;
            LOG.info(() -> count + " processing task(s) whose worker stopped were put back in the queue or set aside");
        }
        return unitOfWork.call(() -> tasks.dueIds(now, limit));
    }

    /** Claims a task with a lease for this server; empty if another worker had it first. */
    Optional<ClaimedTask> claim(long taskId) {
        Instant now = clock.now();
        return Optional.ofNullable(unitOfWork.call(() -> {
            if (!tasks.tryClaim(taskId, now, now.plus(policy.lease()), policy.node())) {
                return null;
            }
            return progress.started(taskId, tasks.find(taskId).orElseThrow());
        }));
    }

    /** Waits for something missing (OCR, the malware scanner) and looks again later. */
    void postponed(ClaimedTask work, String reason) {
        unitOfWork.run(() -> {
            tasks.find(work.taskId()).orElseThrow().postpone(reason, clock.now(), policy.recheck());
            awaitIfCurrent(work, reason);
        });
    }

    /** The malware scan did not pass: the task ends, the document is quarantined. */
    void quarantined(ClaimedTask work, String reason) {
        unitOfWork.run(() -> {
            tasks.find(work.taskId()).orElseThrow().giveUp(reason, clock.now());
            progress.quarantineIfCurrent(work.documentId(), work.versionNumber(), reason);
            audit.record(SYSTEM, AuditAction.ADMIN, "document", Long.toString(work.documentId()),
                    "version " + work.versionNumber() + " quarantined: " + reason);
        });
    }

    /**
     * The malware scanner answers but did not finish this file: tried again later (doubling the wait) like an
     * internal error, and once the policy's attempts are used up the version is set down as UNSCANNABLE and the
     * document quarantined, instead of waiting for a scan that never ends. An absent scanner is not this: then files
     * wait for as long as it takes ({@link #postponed}).
     */
    void scanUnfinished(ClaimedTask work, String reason) {
        unitOfWork.run(() -> {
            ProcessingTask task = tasks.find(work.taskId()).orElseThrow();
            if (task.retryLater(reason, clock.now(), policy.firstBackoff(), policy.maxAttempts())) {
                awaitIfCurrent(work, reason + "; it will be scanned again");
                return;
            }
            ScanVerdict verdict = ScanVerdict.unscannable("the malware scanner did not finish it in "
                    + task.attempts() + " tries (last: " + reason + ")");
            progress.document(work.documentId()).version(work.versionNumber()).orElseThrow()
                    .recordScan(verdict.outcome());
            progress.quarantineIfCurrent(work.documentId(), work.versionNumber(), verdict.reason());
            audit.record(SYSTEM, AuditAction.ADMIN, "document", Long.toString(work.documentId()),
                    "version " + work.versionNumber() + " quarantined: " + verdict.reason());
        });
    }

    /**
     * Recognition ran past a time limit (a Tesseract page): perhaps only because the machine was busy, so tried again
     * later (doubling the wait) until the policy's attempts are used up; then FAILED for an administrator to retry.
     */
    void timedOut(ClaimedTask work, String reason) {
        unitOfWork.run(() -> {
            ProcessingTask task = tasks.find(work.taskId()).orElseThrow();
            if (task.retryLater(reason, clock.now(), policy.firstBackoff(), policy.maxAttempts())) {
                awaitIfCurrent(work, reason + "; it will be retried automatically");
            } else {
                failIfCurrent(work, reason + " (" + task.attempts() + " tries); an administrator can retry it");
            }
        });
    }

    /** The file cannot be read: a permanent problem, the task ends as FAILED with the reason. */
    void unreadable(ClaimedTask work, String reason) {
        unitOfWork.run(() -> {
            tasks.find(work.taskId()).orElseThrow().giveUp(reason, clock.now());
            failIfCurrent(work, reason);
        });
    }

    /**
     * An internal error: retried later (doubling the wait) until the policy's attempts are used up. The document's
     * reason is a sentence for a clerk that names the incident in the server log.
     */
    void failedInternally(ClaimedTask work, String reason, String incident, boolean conflict) {
        unitOfWork.run(() -> {
            ProcessingTask task = tasks.find(work.taskId()).orElseThrow();
            boolean again = task.retryLater(reason, clock.now(), policy.firstBackoff(), policy.maxAttempts());
            if (again) {
                awaitIfCurrent(work, conflict
                        ? "the document was changed while it was being processed; it will be processed again"
                        : "processing was interrupted by an internal error (incident " + incident
                                + " in the server log); it will be retried automatically");
            } else {
                failIfCurrent(work, "processing failed " + task.attempts() + " times because of an internal "
                        + "error (incident " + incident + " in the server log); an administrator can retry it");
            }
        });
    }

    /** The file's separate reader process died with it; the worker did not. Counted like a crash of the worker. */
    void readerCrashed(ClaimedTask work, String cause) {
        workerLost(work.taskId(), task -> task.isHeldBy(policy.node()), cause, policy.firstBackoff(), true);
    }

    /** The worker itself stopped on the file (an {@code Error}); counted as a crash. */
    void workerCrashed(ClaimedTask work, String cause) {
        workerLost(work.taskId(), task -> task.isHeldBy(policy.node()), cause, policy.firstBackoff(), false);
    }

    /**
     * An administrator puts a failed or set-aside document back into the queue; a set-aside task starts again with
     * a clean crash count.
     */
    void retry(Caller caller, long documentId) {
        Access.requireAnyRole(caller, Role.ADMIN);
        unitOfWork.run(() -> {
            Document document = progress.document(documentId);
            List<ProcessingTask> failed = tasks.forDocument(documentId).stream()
                    .filter(t -> t.state() == ProcessingState.FAILED || t.state() == ProcessingState.SET_ASIDE)
                    .toList();
            if (failed.isEmpty()) {
                throw new ConflictException("document " + documentId + " has no failed processing to retry");
            }
            int crashes = failed.stream().mapToInt(ProcessingTask::crashes).sum();
            failed.forEach(t -> t.requeue(clock.now()));
            document.awaitProcessing("retry requested by " + caller.username());
            audit.record(caller.username(), AuditAction.ADMIN, "document", Long.toString(documentId),
                    crashes > 0 ? "processing retried; " + crashes + " worker crash(es) forgiven" : "processing retried");
        });
    }

    private boolean workerLost(long taskId, Predicate<ProcessingTask> stillLost, String cause, Duration firstWait) {
        return workerLost(taskId, stillLost, cause, firstWait, false);
    }

    /**
     * Records that the worker holding a task did not come back, if {@code stillLost} holds under the row lock (so two
     * servers noticing the same loss count it once): the task waits {@code firstWait} (doubling) or, at the crash
     * limit, is set aside with its document QUARANTINED and an audit entry. {@code readerCrashed} when only the
     * file's separate reader process died: the document then shows FAILED with the reader's reason until it is
     * tried again. True if it was recorded.
     */
    private boolean workerLost(long taskId, Predicate<ProcessingTask> stillLost, String cause, Duration firstWait,
                               boolean readerCrashed) {
        return unitOfWork.call(() -> {
            ProcessingTask task = tasks.findLocked(taskId).orElse(null);
            if (task == null || !stillLost.test(task)) {
                return false;
            }
            if (task.workerLost(cause, clock.now(), firstWait, policy.crashLimit())) {
                String reason = "processing this file stopped " + (readerCrashed ? "its reader " : "the server's worker ")
                        + task.crashes() + " times (last: "
                        + cause + "); it has been set aside and is not retried automatically; an administrator can "
                        + "retry it";
                LOG.warning(() -> "document " + task.documentId() + " version " + task.versionNumber()
                        + " set aside: " + reason);
                progress.quarantineIfCurrent(task.documentId(), task.versionNumber(), reason);
                audit.record(SYSTEM, AuditAction.ADMIN, "document", Long.toString(task.documentId()),
                        "version " + task.versionNumber() + " set aside after " + task.crashes()
                                + " worker crashes; last: " + cause);
            } else if (readerCrashed) {
                progress.failIfCurrent(task.documentId(), task.versionNumber(),
                        cause + "; it will be retried automatically");
            } else {
                progress.awaitIfCurrent(task.documentId(), task.versionNumber(),
                        "processing was interrupted (" + cause + "); it will be retried automatically");
            }
            return true;
        });
    }

    private void failIfCurrent(ClaimedTask work, String reason) {
        progress.failIfCurrent(work.documentId(), work.versionNumber(), reason);
    }

    private void awaitIfCurrent(ClaimedTask work, String reason) {
        progress.awaitIfCurrent(work.documentId(), work.versionNumber(), reason);
    }
}
