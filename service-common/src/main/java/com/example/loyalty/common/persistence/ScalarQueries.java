package com.example.loyalty.common.persistence;

import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

/**
 * Native queries of one column read as a basic type (an id, a time). Write them with this, never as
 * {@code createNativeQuery(sql, UUID.class)}: Hibernate 7.2 keys the plan of such a query by a result builder without
 * equality, so every run misses the query plan cache and adds an entry to it (all with the same hash). On the earn
 * path that was a quarter of the service's CPU, and every such run evicts a useful plan. A column named with
 * {@code addScalar} is keyed by value and its plan is reused ({@code QueryPlanCacheTest} in points-service checks it).
 */
public final class ScalarQueries {

    private ScalarQueries() {}

    /** {@code sql}, whose one result column is named {@code column}, read as {@code type}. */
    @SuppressWarnings("unchecked")
    public static <T> NativeQuery<T> of(EntityManager em, String sql, String column, Class<T> type) {
        return (NativeQuery<T>)
                em.createNativeQuery(sql).unwrap(NativeQuery.class).addScalar(column, type);
    }
}
