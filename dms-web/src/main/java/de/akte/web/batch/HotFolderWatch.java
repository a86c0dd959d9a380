package de.akte.web.batch;

import de.akte.core.application.imports.ImportService;
import de.akte.ingest.hotfolder.HotFolder;
import de.akte.ingest.hotfolder.HotFolderImports;
import de.akte.ingest.hotfolder.HotFolderSettings;
import de.akte.web.infrastructure.ApplicationStarted;
import de.akte.web.infrastructure.ApplicationStopping;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Watches the configured hot folder: a scan every two seconds on the container's scheduler. */
@ApplicationScoped
public class HotFolderWatch {

    private static final Logger LOG = Logger.getLogger(HotFolderWatch.class.getName());

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private ImportService imports;

    private ScheduledFuture<?> scans;

    /** Starts watching once the application is up, if a hot folder is configured. */
    void start(@Observes ApplicationStarted started) {
        started.settings().hotFolder().ifPresent(config -> {
            // imports as the system's hot-folder importer (system:hot-folder), into its own batches only
            HotFolder folder = new HotFolder(new HotFolderSettings(config.root(), config.settle()),
                    new HotFolderImports(imports, config.department(), config.departments(),
                            config.root().toString(), Clock.systemDefaultZone()), Clock.systemUTC());
            scans = executor.scheduleWithFixedDelay(() -> scan(folder), 2, 2, TimeUnit.SECONDS);
            LOG.info("watching the hot folder " + config.root() + " (files at its top go to department "
                    + (config.department() == null ? "none: refused" : config.department()) + "; folders may name "
                    + (config.departments() == null ? "any department" : "the departments " + config.departments())
                    + ")");
        });
    }

    /** Stops watching before the workers stop. */
    void stop(@Observes ApplicationStopping stopping) {
        if (scans != null) {
            scans.cancel(false);
        }
    }

    private static void scan(HotFolder folder) {
        try {
            folder.scan();
        } catch (Throwable e) {
            // a scheduled task that throws is never run again: log and keep watching
            LOG.log(Level.WARNING, "hot folder scan failed, trying again", e);
        }
    }
}
