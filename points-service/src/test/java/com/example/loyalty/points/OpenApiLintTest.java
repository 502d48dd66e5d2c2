package com.example.loyalty.points;

import com.example.loyalty.testing.contract.OpenApiLintTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** points-service's own OpenAPI document keeps the lint rules (OpenApiLint): zero findings. */
@QuarkusTest
class OpenApiLintTest extends OpenApiLintTestBase {}
