package de.akte.web.security;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers recent successful Basic logins for a few minutes, so that programs sending the
 * password with every request do not pay the deliberately slow password hash each time. Only
 * a keyed HMAC of the password is kept, under a key that never leaves this process, with the user's credential
 * version: after a change of password or roles (on any server) the entry no longer matches.
 */
@ApplicationScoped
public class LoginCache {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] mac, long credentialVersion, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;

    public LoginCache() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Whether this password was right for the user under the given credential version a few minutes ago. */
    boolean remembers(String username, char[] password, long credentialVersion) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return false;
        }
        if (entry.expires().isBefore(Instant.now())) {
            entries.remove(username, entry);
            return false;
        }
        return entry.credentialVersion() == credentialVersion && MessageDigest.isEqual(entry.mac(), mac(username, password));
    }

    void remember(String username, char[] password, long credentialVersion) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(username, new Entry(mac(username, password), credentialVersion, Instant.now().plus(TTL)));
    }

    /** Forgets a user, e.g. after a password change. */
    public void forget(String username) {
        entries.remove(username);
    }

    private byte[] mac(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            mac.update(bytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
