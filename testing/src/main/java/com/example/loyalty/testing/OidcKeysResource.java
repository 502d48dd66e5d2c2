package com.example.loyalty.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Makes the service under test verify bearer tokens with the test key pair, so {@link TestTokens} can mint
 * real signed JWTs (subject, realm roles) without a Keycloak. The end-to-end module uses the real Keycloak.
 */
public class OidcKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.public-key",
                TestTokens.publicKeyBase64(),
                "quarkus.oidc.auth-server-url",
                "",
                "quarkus.oidc.discovery-enabled",
                "false",
                "quarkus.oidc.token.issuer",
                TestTokens.ISSUER);
    }

    @Override
    public void stop() {}
}
