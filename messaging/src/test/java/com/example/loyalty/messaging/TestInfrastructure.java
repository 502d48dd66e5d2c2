package com.example.loyalty.messaging;

import com.example.loyalty.testing.KafkaResource;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of this module runs against a real PostgreSQL, behind a cuttable proxy, and a real Kafka, with tokens
 * from TestTokens. */
@QuarkusTestResource(
        value = PostgresResource.class,
        restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "proxied", value = "true"))
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcKeysResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
