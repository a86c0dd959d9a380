package de.akte.web.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The start-up settings as beans, read once from the environment. Apart from {@link CoreBeans} so that the servlet
 * filters and listeners, which start with the deployment, can take their settings without building the core.
 */
@ApplicationScoped
public class SettingsBeans {

    private AkteSettings settings;

    @PostConstruct
    void read() {
        settings = AkteSettings.fromEnvironment();
    }

    @Produces
    @Dependent
    AkteSettings akteSettings() {
        return settings;
    }

    @Produces
    @Dependent
    SecuritySettings securitySettings() {
        return settings.security();
    }

    @Produces
    @Dependent
    BodyLimits bodyLimits() {
        return BodyLimits.of(settings);
    }
}
