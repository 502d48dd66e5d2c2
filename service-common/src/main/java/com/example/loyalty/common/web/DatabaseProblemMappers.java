package com.example.loyalty.common.web;

import com.example.loyalty.common.persistence.DatabaseUnavailable;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.sql.SQLException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A database that cannot be reached (down, restarting, or no pooled connection within the acquisition timeout) as a
 * 503 problem with {@code Retry-After}, not a 500: the request did nothing and may be sent again as it was (with the
 * same idempotency key). Every other failure of the persistence layer stays the 500 that quarkus-resteasy-problem's
 * default mapper gives, with its post-processing (instance, logging).
 */
public class DatabaseProblemMappers {

    /** Seconds a caller should wait before sending the request again: about a database restart's length. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final URI TYPE = URI.create(Problems.BASE + "database-unavailable");

    @ServerExceptionMapper(priority = 1)
    public Response persistence(PersistenceException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jdbc(SQLException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    /** A commit that failed ({@code QuarkusTransaction}'s wrapper of the rollback). */
    @ServerExceptionMapper(priority = 1)
    public Response transaction(QuarkusTransactionException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    /** A commit that failed ({@code @Transactional}'s wrapper of the rollback). */
    @ServerExceptionMapper(priority = 1)
    public Response transactional(TransactionalException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    static Response toResponse(Throwable e, UriInfo uri) {
        HttpProblem problem = DatabaseUnavailable.isConnectionFailure(e)
                ? unavailable()
                : HttpProblem.valueOf(Response.Status.INTERNAL_SERVER_ERROR);
        return ExceptionMapperBase.postProcessorsRegistry
                .applyPostProcessing(
                        problem, uri == null ? ProblemContext.of(e, (String) null) : ProblemContext.of(e, uri))
                .toResponse();
    }

    static HttpProblem unavailable() {
        return HttpProblem.builder()
                .withType(TYPE)
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withTitle("Service Unavailable")
                .withDetail("the database cannot be reached just now; nothing was changed, send the request again in "
                        + RETRY_AFTER_SECONDS + " seconds")
                .withHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }
}
