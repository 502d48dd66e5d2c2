package com.example.loyalty.survey;

import com.example.loyalty.testing.contract.OpenApiLintTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** survey-service's own OpenAPI document keeps the lint rules (OpenApiLint): zero findings. */
@QuarkusTest
class OpenApiLintTest extends OpenApiLintTestBase {}
