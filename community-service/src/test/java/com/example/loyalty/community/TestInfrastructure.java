package com.example.loyalty.community;

import com.example.loyalty.testing.KafkaResource;
import com.example.loyalty.testing.OidcKeysResource;
import com.example.loyalty.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against a real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KafkaResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcKeysResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {}
}
