package de.akte.web.batch;

import de.akte.core.application.imports.ImportProgress;
import de.akte.core.application.imports.ImportService;
import de.akte.ingest.imports.ImportJobs;
import de.akte.web.infrastructure.ApplicationStarted;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Properties;
import java.util.logging.Logger;

/** Starts server-side imports as Jakarta Batch jobs, and continues those a stopped server left open. */
@ApplicationScoped
public class ServerImports implements ImportJobs {

    private static final Logger LOG = Logger.getLogger(ServerImports.class.getName());
    private static final String JOB = "akte-import";

    @Inject
    private ImportService imports;

    /** Starts the job reading the batch's folder or ZIP. */
    @Override
    public void start(long batchId) {
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = new Properties();
        parameters.setProperty("batchId", Long.toString(batchId));
        long execution = operator.start(JOB, parameters);
        LOG.info("server-side import " + batchId + " started as job execution " + execution);
    }

    /**
     * Once the application has started, starts the job again for every server-side batch still open: after a crash
     * or a restart the files already recorded are skipped and the rest imported, so every file ends up exactly once.
     */
    void resumeOpen(@Observes ApplicationStarted started) {
        for (ImportProgress open : imports.openServerBatches()) {
            LOG.info("continuing server-side import " + open.id() + " (" + open.received() + " files recorded)");
            start(open.id());
        }
    }
}
