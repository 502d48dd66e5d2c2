package com.example.loyalty.points.service;

import com.example.loyalty.common.security.Roles;
import com.example.loyalty.common.web.Problems;
import com.example.loyalty.points.config.PointsConfig;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may record what at which store. Staff carry their store in the token (claim {@code points.staff.store-claim},
 * {@code store_id} by default: the Keycloak user attribute of the same name, mapped by the realm) and record purchases
 * (and returns) at that store only; admins at any store. Call it from every resource that records something at a till.
 */
@ApplicationScoped
public class StoreAccess {

    private final String claim;

    public StoreAccess(PointsConfig config) {
        this.claim = config.staff().storeClaim();
    }

    /**
     * Passes for an admin (any store) and for staff whose token names {@code storeId}.
     *
     * @throws HttpProblem 403 {@code store-not-assigned} for staff whose token names no store (they can record
     *     nowhere), 403 {@code wrong-store} for staff of another store or a caller who is neither staff nor admin
     */
    public void requireMayRecordAt(SecurityIdentity identity, String storeId) {
        if (identity.hasRole(Roles.ADMIN)) {
            return;
        }
        if (!identity.hasRole(Roles.STAFF)) {
            throw Problems.forbidden(
                    "wrong-store", "Wrong store", "only the staff of store " + storeId + " or an admin record there");
        }
        Set<String> stores = storesOf(identity);
        if (stores.isEmpty()) {
            throw Problems.forbidden(
                    "store-not-assigned",
                    "No store assigned",
                    "your login names no store (token claim " + claim + "), so you can record at none; an admin "
                            + "sets the store of your user (attribute " + claim + ")");
        }
        if (!stores.contains(storeId)) {
            throw Problems.forbidden(
                    "wrong-store",
                    "Wrong store",
                    "you work at "
                            + (stores.size() == 1 ? "store " + stores.iterator().next() : "stores " + stores)
                            + " and cannot record at store " + storeId);
        }
    }

    /** The stores the caller's token names (none when it names none, or is no token). */
    public Set<String> storesOf(SecurityIdentity identity) {
        Set<String> stores = new LinkedHashSet<>();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            add(stores, jwt.getClaim(claim));
        }
        return stores;
    }

    private static void add(Set<String> stores, Object value) {
        if (value instanceof JsonArray array) {
            array.forEach(v -> add(stores, v));
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> add(stores, v));
        } else if (value instanceof JsonString s) {
            addText(stores, s.getString());
        } else if (value instanceof String s) {
            addText(stores, s);
        }
        // anything else (a number, an object, true, false, null) names no store
    }

    private static void addText(Set<String> stores, String s) {
        if (!s.isBlank()) {
            stores.add(s);
        }
    }
}
