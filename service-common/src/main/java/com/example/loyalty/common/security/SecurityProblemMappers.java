package com.example.loyalty.common.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 as problem details. quarkus-resteasy-problem 3.21's own mappers for these exceptions do not work on
 * Quarkus 3.34 (they answer 500 with NoSuchFieldError), so these take precedence.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper(priority = 1)
    public Response unauthorized(UnauthorizedException e) {
        return challenge();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge();
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationCompletion(AuthenticationCompletionException e) {
        return challenge();
    }

    private static Response challenge() {
        return HttpProblem.builder()
                .withType(URI.create("https://loyalty.example.com/problems/unauthorized"))
                .withStatus(Response.Status.UNAUTHORIZED)
                .withTitle("Unauthorized")
                .withDetail("a valid bearer token is required")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build()
                .toResponse();
    }
}
