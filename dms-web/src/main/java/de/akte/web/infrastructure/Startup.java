package de.akte.web.infrastructure;


import de.akte.core.application.demo.DemoData;
import de.akte.core.application.processing.DocumentProcessor;
import de.akte.core.application.directory.Directory;
import de.akte.core.application.filing.FilingService;
import de.akte.core.infrastructure.persistence.flyway.SchemaMigrator;
import de.akte.ingest.image.ImageDecoders;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the application up in order: schema migration, first administrator, optional demo
 * data, then the background workers; then tells whoever brings in work of their own (hot folder, server-side
 * imports) that the application has started.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Resource(lookup = "java:jboss/datasources/AkteDS")
    private DataSource dataSource;

    @Inject
    private AkteSettings settings;

    @Inject
    private Directory directory;

    @Inject
    private DemoData demoData;

    @Inject
    private WorkerSignal workers;

    @Inject
    private Event<ApplicationStarted> started;

    @Inject
    private Event<ApplicationStopping> stopping;

    @Inject
    private DocumentProcessor processor;

    @Inject
    private FilingService filing;

    private ImageDecoders decoders;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        String version = new SchemaMigrator(dataSource, Startup.class.getClassLoader()).migrate();
        LOG.info(() -> "Akte data directory " + settings.dataDir() + ", schema version " + version);
        createAdministrator();
        List<String> split = directory.separateDuties();
        if (!split.isEmpty()) {
            LOG.warning(() -> "Separation of duties: RECORDS_OFFICER removed from administrator accounts " + split
                    + "; give each records officer an account of their own");
        }
        warnIfPostSizeBelowUploads();
        if (settings.seedDemoData()) {
            String password = settings.demoPassword().orElseGet(Startup::generatePassword);
            if (demoData.seed(password.toCharArray())) {
                LOG.warning("Demo data loaded; every demo user (sachbearbeitung.bau, scanstelle, registratur, ...)"
                        + " has the password: " + password);
            }
        }
        registerImageDecoders();
        processor.recoverAfterRestart();
        if (filing.learned() == 0) {
            // a lost or new classifier index: learn again from what people filed
            filing.rebuildFromRecords();
        }
        workers.start();
        started.fire(new ApplicationStarted(settings));
    }

    void onStop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopping.fire(new ApplicationStopping());
        workers.stop();
        if (decoders != null) {
            decoders.close();
        }
    }

    // before the first worker decodes a scan: ImageIO's registry may have been made by a thread that cannot see the
    // deployment's libraries, and then JPEG 2000 and JBIG2 images would be reported as undecodable
    private void registerImageDecoders() {
        decoders = ImageDecoders.register();
        Map<String, Boolean> formats = decoders.availability();
        if (formats.containsValue(false)) {
            LOG.severe(() -> "Image decoders missing, scans in these formats cannot be read: " + formats);
        } else {
            LOG.info(() -> "Image decoders for archival scans registered: " + formats.keySet());
        }
    }

    private void createAdministrator() {
        String password = settings.adminPassword().orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = generatePassword();
        }
        if (directory.ensureAdministrator(password.toCharArray())) {
            if (generated) {
                // printed once: it is stored only as a hash
                LOG.warning("\n\n================================================================\n"
                        + "  First start: user 'admin' created with password: " + password + "\n"
                        + "  It is shown only this once. Set AKTE_ADMIN_PASSWORD to choose it.\n"
                        + "================================================================\n");
            } else {
                LOG.info("First start: user 'admin' created with the password from AKTE_ADMIN_PASSWORD");
            }
        }
    }

    /** The server's own body limit (AKTE_MAX_POST_SIZE) cuts uploads the application would accept. */
    private void warnIfPostSizeBelowUploads() {
        String postSize = settings.host().maxPostSize().orElse(null);
        try {
            if (postSize != null && Long.parseLong(postSize.strip()) < settings.maxUploadBytes()) {
                LOG.warning(() -> "AKTE_MAX_POST_SIZE (" + postSize + ") is below AKTE_MAX_UPLOAD_BYTES ("
                        + settings.maxUploadBytes() + "): large uploads will be cut off by the server");
            }
        } catch (NumberFormatException e) {
            LOG.warning(() -> "AKTE_MAX_POST_SIZE is not a number: " + postSize);
        }
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
