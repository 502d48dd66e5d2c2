package com.example.loyalty.gateway.web;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Answers any failed routing context that nobody answered yet as {@code application/problem+json}
 * (401 for a token that failed verification, 403 from an authorization policy, 500 ...). The 401
 * for a request without any token is written by
 * {@link com.example.loyalty.gateway.security.ProblemBearerAuthMechanism}.
 */
@ApplicationScoped
public class ProblemFailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ProblemFailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        Throwable failure = ctx.failure();
        String requestId = RequestContextHandler.requestId(ctx);
        if (failure instanceof UnauthorizedException || failure instanceof AuthenticationException) {
            // quarkus-oidc has already set its challenge header; keep it
            if (!ctx.response().headers().contains("WWW-Authenticate")) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
            }
            boolean tokenSent = ctx.request().headers().contains("Authorization");
            Problem.unauthorized(tokenSent, ctx.request().path(), requestId).send(ctx.response());
            return;
        }
        int status;
        String detail;
        if (failure instanceof ForbiddenException) {
            status = 403;
            detail = "The token does not grant access to this resource.";
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 600) {
            status = ctx.statusCode();
            detail = status < 500
                    ? "The request was rejected by the gateway."
                    : "The gateway failed to handle the request.";
        } else {
            status = 500;
            detail = "The gateway failed to handle the request.";
        }
        if (status >= 500) {
            LOG.errorf(
                    failure,
                    "Request %s %s failed (request id %s)",
                    ctx.request().method(),
                    ctx.request().path(),
                    requestId);
        }
        Problem.of(status, detail, ctx.request().path(), requestId).send(ctx.response());
    }
}
