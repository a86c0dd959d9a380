package de.akte.web.interfaces.rest;

import de.akte.web.infrastructure.AkteSettings;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Points the API servlet's multipart spooling at the configured spool directory ({@code AKTE_SPOOL_DIR}) instead of
 * the server's temp directory, so that uploads fill a disk of their own choosing and nothing else.
 */
public class UploadSpoolLocation implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(UploadSpoolLocation.class.getName());
    /** The servlet declared in web.xml; its other multipart settings are repeated here unchanged. */
    private static final String API_SERVLET = AkteApplication.class.getName();
    private static final int IN_MEMORY_BYTES = 65536;

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        // the container creates initializers before any bean exists, so this one reads the settings for itself
        Path spool = AkteSettings.fromEnvironment().spoolDir();
        try {
            Files.createDirectories(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload spool directory " + spool, e);
        }
        ServletRegistration api = context.getServletRegistration(API_SERVLET);
        if (api instanceof ServletRegistration.Dynamic dynamic) {
            dynamic.setMultipartConfig(new MultipartConfigElement(spool.toString(), -1, -1, IN_MEMORY_BYTES));
            LOG.info("Uploads are spooled in " + spool);
        } else {
            LOG.warning("Uploads are spooled in the server's temp directory: the container does not let "
                    + API_SERVLET + " be configured (" + api + ")");
        }
    }
}
