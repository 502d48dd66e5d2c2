package com.example.loyalty.community;

import com.example.loyalty.testing.contract.OpenApiLintTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** community-service's own OpenAPI document keeps the lint rules (OpenApiLint): zero findings. */
@QuarkusTest
class OpenApiLintTest extends OpenApiLintTestBase {}
