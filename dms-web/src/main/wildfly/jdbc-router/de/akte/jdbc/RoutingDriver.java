package de.akte.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * A JDBC driver that hands each connection to whichever real driver accepts the URL.
 *
 * <p>Lives in the server module {@code de.akte.jdbc}, which imports the H2 and PostgreSQL driver modules.
 * The datasource {@code AkteDS} uses it so that the connection URL alone ({@code AKTE_DB_URL}) decides
 * between the embedded H2 database and PostgreSQL. A WildFly datasource names one driver; its
 * {@code driver-name} accepts an expression, but that would be a second setting that has to match the URL.
 * Any further driver module added as a dependency of {@code de.akte.jdbc} (with {@code services="import"})
 * is picked up the same way.
 */
public final class RoutingDriver implements Driver {

    private static final Logger LOG = Logger.getLogger(RoutingDriver.class.getName());

    private final List<Driver> drivers = new ArrayList<>();

    public RoutingDriver() {
        for (Driver d : ServiceLoader.load(Driver.class, RoutingDriver.class.getClassLoader())) {
            if (!(d instanceof RoutingDriver)) {
                drivers.add(d);
            }
        }
    }

    private Driver driverFor(String url) throws SQLException {
        for (Driver d : drivers) {
            if (d.acceptsURL(url)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Driver d = driverFor(url);
        if (d == null) {
            // JDBC contract: null means "not my URL"; say why, since this is the only driver of AkteDS.
            List<String> names = new ArrayList<>();
            for (Driver known : drivers) {
                names.add(known.getClass().getName());
            }
            throw new SQLException("No JDBC driver accepts the URL " + url + " (available: " + names + ")");
        }
        return d.connect(url, info);
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return driverFor(url) != null;
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Driver d = driverFor(url);
        return d == null ? new DriverPropertyInfo[0] : d.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return true;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return LOG;
    }
}
