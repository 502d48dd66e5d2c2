package com.example.loyalty.gateway.web;

import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which request headers a client is not allowed to send (identity and forwarding headers that a
 * service might trust): exact names, or prefixes written with a trailing {@code *}. Case-insensitive.
 */
public final class ClientHeaderPolicy {

    private final List<String> exact = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();

    public ClientHeaderPolicy(List<String> patterns) {
        for (String pattern : patterns) {
            String p = pattern.trim().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            if (p.endsWith("*")) {
                prefixes.add(p.substring(0, p.length() - 1));
            } else {
                exact.add(p);
            }
        }
    }

    public boolean isForbidden(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        if (exact.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Removes every forbidden header; returns the names removed (for debug logging). */
    public List<String> strip(MultiMap headers) {
        List<String> removed = new ArrayList<>();
        for (String name : new ArrayList<>(headers.names())) {
            if (isForbidden(name)) {
                headers.remove(name);
                removed.add(name);
            }
        }
        return removed;
    }
}
