package de.akte.web.infrastructure;

import de.akte.core.security.HashingGate;
import de.akte.core.security.ThrottlePolicy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Settings of the perimeter: sign-in throttling, password hashing, tokens, sessions, HTTPS and request body limits.
 * Read like {@link AkteSettings} (system property {@code akte.x.y} over variable {@code AKTE_X_Y}).
 *
 * @param accountThrottle   failed sign-ins per account
 * @param addressThrottle   failed sign-ins per client address
 * @param hashConcurrency   password hashes running at once
 * @param hashWait          how long a sign-in waits for its turn before 503
 * @param tokenLifetime     how long a bearer token lives
 * @param tokenMaxLifetime  how long tokens issued from one password sign-in may live in all (absolute)
 * @param sessionIdle       a browser session ends after this long unused
 * @param sessionMaxLifetime a browser session ends this long after sign-in, used or not
 * @param https             clients reach Akte over HTTPS (directly or through a TLS proxy): Secure cookies, HSTS
 * @param hstsMaxAge        the HSTS max-age when {@code https}
 * @param trustedProxies    addresses of reverse proxies whose X-Forwarded-For names the client
 * @param maxJsonBytes      the largest JSON (or form) body on any path not listed below
 * @param maxLoginBytes     the largest body of a sign-in
 * @param maxXdomeaBytes    the largest xdomea message uploaded (appraisal, confirmation)
 */
public record SecuritySettings(ThrottlePolicy accountThrottle, ThrottlePolicy addressThrottle, int hashConcurrency,
                               Duration hashWait, Duration tokenLifetime, Duration tokenMaxLifetime,
                               Duration sessionIdle, Duration sessionMaxLifetime, boolean https, Duration hstsMaxAge,
                               Set<String> trustedProxies, long maxJsonBytes, long maxLoginBytes,
                               long maxXdomeaBytes) {

    public static SecuritySettings from(Properties system, Map<String, String> env) {
        AkteSettings.Lookup l = new AkteSettings.Lookup(system, env);
        ThrottlePolicy account = throttle(ThrottlePolicy.accountDefaults(), l, "account");
        ThrottlePolicy address = throttle(ThrottlePolicy.addressDefaults(), l, "address");
        int concurrency = positive(l, "akte.password.hash.concurrency", Integer::parseInt,
                HashingGate.defaultConcurrency());
        Duration hashWait = Duration.ofMillis(positive(l, "akte.password.hash.wait.ms", Long::parseLong, 5000L));
        Duration tokenLifetime = Duration.ofHours(positive(l, "akte.token.lifetime.hours", Long::parseLong, 12L));
        Duration tokenMax = Duration.ofDays(positive(l, "akte.token.max.lifetime.days", Long::parseLong, 30L));
        if (tokenMax.compareTo(tokenLifetime) < 0) {
            throw new IllegalArgumentException("AKTE_TOKEN_MAX_LIFETIME_DAYS must not be shorter than AKTE_TOKEN_LIFETIME_HOURS");
        }
        Duration idle = Duration.ofMinutes(positive(l, "akte.session.idle.minutes", Long::parseLong, 60L));
        Duration sessionMax = Duration.ofHours(positive(l, "akte.session.max.hours", Long::parseLong, 12L));
        boolean https = l.get("akte.https").map(Boolean::parseBoolean).orElse(false);
        Duration hsts = Duration.ofSeconds(positive(l, "akte.hsts.max.age.seconds", Long::parseLong, 31_536_000L));
        Set<String> proxies = l.get("akte.trusted.proxies").map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        long json = positive(l, "akte.max.json.bytes", Long::parseLong, 1024L * 1024);
        long xdomea = positive(l, "akte.max.xdomea.bytes", Long::parseLong, 16L * 1024 * 1024);
        return new SecuritySettings(account, address, concurrency, hashWait, tokenLifetime, tokenMax, idle, sessionMax,
                https, hsts, proxies, json, 4096, xdomea);
    }

    private static ThrottlePolicy throttle(ThrottlePolicy defaults, AkteSettings.Lookup l, String scope) {
        int lockAfter = positive(l, "akte.login." + scope + ".lock.after", Integer::parseInt, defaults.lockAfter());
        Duration lock = Duration.ofMinutes(positive(l, "akte.login." + scope + ".lock.minutes", Long::parseLong,
                defaults.lockDuration().toMinutes()));
        int free = Math.min(defaults.freeFailures(), lockAfter - 1);
        Duration maxLock = lock.compareTo(defaults.maxLockDuration()) > 0 ? lock : defaults.maxLockDuration();
        return new ThrottlePolicy(free, defaults.firstDelay(), defaults.maxDelay(), lockAfter, lock, maxLock,
                defaults.forgetAfter());
    }

    private static <N extends Number> N positive(AkteSettings.Lookup l, String key, Function<String, N> parse,
                                                 N fallback) {
        N value = l.get(key).map(parse).orElse(fallback);
        if (value.longValue() < 1) {
            throw new IllegalArgumentException(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')
                    + " must be at least 1");
        }
        return value;
    }
}
