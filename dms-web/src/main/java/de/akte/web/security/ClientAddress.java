package de.akte.web.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * The address a request comes from, for throttling and the audit trail. Behind a reverse proxy every request
 * comes from the proxy, so X-Forwarded-For is believed, but only from the proxies named in
 * {@code AKTE_TRUSTED_PROXIES}: the client could write anything into it.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request, Set<String> trustedProxies) {
        String remote = request.getRemoteAddr();
        if (!trustedProxies.contains(remote)) {
            return remote;
        }
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return remote;
        }
        // the right-most entry not added by one of our proxies is the first one we cannot vouch for
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return remote;
    }
}
