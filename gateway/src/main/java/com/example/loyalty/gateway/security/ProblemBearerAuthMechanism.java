package com.example.loyalty.gateway.security;

import com.example.loyalty.gateway.web.Problem;
import com.example.loyalty.gateway.web.RequestContextHandler;
import com.example.loyalty.security.VerifiedIdentities;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Set;

/**
 * The quarkus-oidc bearer mechanism, unchanged, except that its challenge for a request without
 * credentials on a protected path is answered with an RFC 9457 problem body instead of an empty 401.
 * This is the customisation point Quarkus documents ("HttpAuthenticationMechanism customization": an
 * {@code @Alternative} that delegates to the extension's mechanism). A token that fails verification
 * takes the other documented path, a failed routing context, and is answered by
 * {@link com.example.loyalty.gateway.web.ProblemFailureHandler}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ProblemBearerAuthMechanism implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism delegate;
    private final VerifiedIdentities verified;

    public ProblemBearerAuthMechanism(OidcAuthenticationMechanism delegate, VerifiedIdentities verified) {
        this.delegate = delegate;
        this.verified = verified;
    }

    /** A token verified before is answered from memory ({@link VerifiedIdentities}); others are verified. */
    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = VerifiedIdentities.bearerToken(context.request());
        if (token == null) {
            return delegate.authenticate(context, identityProviderManager);
        }
        SecurityIdentity known = verified.find(token, context);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return delegate.authenticate(context, identityProviderManager)
                .invoke(identity -> verified.remember(token, identity));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return delegate.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return delegate.getChallenge(context).map(challenge -> {
            if (challenge == null) {
                return false;
            }
            var response = context.response();
            if (response.ended() || response.headWritten()) {
                return true;
            }
            challenge.getHeaders().forEach((name, value) -> response.headers().set(name, String.valueOf(value)));
            boolean tokenSent = context.request().headers().contains(HttpHeaders.AUTHORIZATION);
            String path = context.request().path();
            String requestId = RequestContextHandler.requestId(context);
            Problem problem = challenge.status == 401
                    ? Problem.unauthorized(tokenSent, path, requestId)
                    : Problem.of(challenge.status, "Authentication is required.", path, requestId);
            problem.send(response);
            return true;
        });
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        // above the delegate in case both end up in the mechanism list, so our challenge is sent first
        return delegate.getPriority() + 1;
    }
}
