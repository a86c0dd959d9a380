package de.akte.web.batch;

import de.akte.core.application.imports.ImportItemUpload;
import de.akte.core.application.imports.ImportService;
import de.akte.core.security.Caller;
import de.akte.core.imports.ImportRoots;
import de.akte.core.shared.InvalidInputException;
import de.akte.ingest.imports.ServerImportRun;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Runs a server-side import ({@link ServerImportRun}) as the step of the {@code akte-import} job. The batch's
 * import items are the job's checkpoints: after a crash the job is started again and skips what is recorded.
 */
@Named("serverImportBatchlet")
@Dependent
public class ServerImportBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    private String batchId;

    @Inject
    private ServerImportRun run;

    private volatile boolean stopping;

    @Override
    public String process() {
        ServerImportRun.Outcome outcome = run.run(Long.parseLong(batchId), () -> stopping);
        return (outcome == ServerImportRun.Outcome.STOPPED ? BatchStatus.STOPPED : BatchStatus.COMPLETED).name();
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
