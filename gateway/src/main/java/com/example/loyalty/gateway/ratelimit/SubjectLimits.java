package com.example.loyalty.gateway.ratelimit;

import com.example.loyalty.gateway.config.GatewayConfig;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which {@link Limit} a token subject gets: its client's if one is configured, else the most generous of its
 * realm roles that have one, else the default.
 * <p>
 * Why the client first: a client limit is the operator's statement about one integration (a machine client such
 * as {@code loyalty-service}, or a till integration to be held back), more specific than a role that many
 * callers share. Why the most generous role: roles only add permissions (an admin can do all a staff member
 * can), so holding one more role must never lower a caller's limit.
 */
public final class SubjectLimits {

    /** Keycloak's client id claim ("authorized party"); other servers use {@code client_id} (RFC 9068). */
    static final List<String> CLIENT_ID_CLAIMS = List.of("azp", "client_id");

    private final Limit defaultLimit;
    private final Map<String, Limit> roles;
    private final Map<String, Limit> clients;

    public SubjectLimits(Limit defaultLimit, Map<String, Limit> roles, Map<String, Limit> clients) {
        this.defaultLimit = defaultLimit;
        this.roles = Map.copyOf(roles);
        this.clients = Map.copyOf(clients);
    }

    public static SubjectLimits of(GatewayConfig.RateLimit config) {
        String prefix = "gateway.rate-limit.";
        int replicas = config.replicas();
        Limit defaultLimit = Limit.of(
                        prefix + "default",
                        config.defaultLimit().capacity(),
                        config.defaultLimit().refillPerSecond())
                .perReplica(replicas);
        Map<String, Limit> roles = new TreeMap<>();
        config.roles()
                .forEach((role, bucket) -> roles.put(
                        role,
                        Limit.of(prefix + "roles." + role, bucket.capacity(), bucket.refillPerSecond())
                                .perReplica(replicas)));
        Map<String, Limit> clients = new TreeMap<>();
        config.clients()
                .forEach((client, bucket) -> clients.put(
                        client,
                        Limit.of(prefix + "clients.\"" + client + "\"", bucket.capacity(), bucket.refillPerSecond())
                                .perReplica(replicas)));
        return new SubjectLimits(defaultLimit, roles, clients);
    }

    /**
     * The limit of a caller.
     *
     * @param clientId the token's client id, or null
     * @param roles    the caller's realm roles
     */
    public Limit limitFor(String clientId, Collection<String> roles) {
        if (clientId != null) {
            Limit client = clients.get(clientId);
            if (client != null) {
                return client;
            }
        }
        return roles.stream()
                .map(this.roles::get)
                .filter(limit -> limit != null)
                .max(Limit.GENEROSITY)
                .orElse(defaultLimit);
    }

    /** The client id a token was issued to, read from its claims ({@code azp}, else {@code client_id}). */
    public static String clientId(JsonWebToken token) {
        return clientId(token::getClaim);
    }

    static String clientId(Function<String, Object> claims) {
        for (String claim : CLIENT_ID_CLAIMS) {
            Object value = claims.apply(claim);
            String text = value instanceof JsonString json ? json.getString() : value instanceof String s ? s : null;
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** Every limit a caller can get, to size the limiter's bucket expiry. */
    public Collection<Limit> all() {
        List<Limit> all = new ArrayList<>(roles.values());
        all.addAll(clients.values());
        all.add(defaultLimit);
        return all;
    }

    @Override
    public String toString() {
        return "default " + defaultLimit + ", roles " + new TreeMap<>(roles) + ", clients " + new TreeMap<>(clients);
    }
}
