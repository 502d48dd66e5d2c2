package com.example.loyalty.common.security;

import com.example.loyalty.security.VerifiedIdentities;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The quarkus-oidc bearer mechanism, remembering the identity of each token that passed verification
 * ({@link VerifiedIdentities}): a token is verified once, then answered from memory until it expires (at most
 * {@code loyalty.security.verified-tokens.max-age}). Every endpoint still checks its roles on that identity; only the
 * repeated signature check and claim parsing of the same token are saved. The customisation point is the one Quarkus
 * documents: an {@code @Alternative} that delegates to the extension's mechanism.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberingBearerAuthMechanism implements HttpAuthenticationMechanism {

    private final OidcAuthenticationMechanism delegate;
    private final VerifiedIdentities verified;

    public RememberingBearerAuthMechanism(
            OidcAuthenticationMechanism delegate,
            @ConfigProperty(name = "loyalty.security.verified-tokens.max-size", defaultValue = "10000") long maxSize,
            @ConfigProperty(name = "loyalty.security.verified-tokens.max-age", defaultValue = "PT5M") Duration maxAge) {
        this.delegate = delegate;
        this.verified = new VerifiedIdentities(maxSize, maxAge);
    }

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
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return delegate.sendChallenge(context);
    }

    @Override
    public int getPriority() {
        return delegate.getPriority() + 1;
    }
}
