package com.example.loyalty.testing.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The opt-out of {@link ContractValidation} for a test method or class that deliberately sends what the service's
 * OpenAPI document forbids (malformed JSON, a string for a number, a missing required field, a wrong content type,
 * path-parameter junk): its <em>requests</em> are not checked against the document, its <em>answers</em> still are,
 * so the 400 it provokes must be documented and be the document's problem JSON. Say why in {@link #value()}.
 * <p>
 * For a part of a test only, use {@link ContractValidation#withoutRequestChecks(ContractValidation.Call)} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SendsInvalidRequests {

    /** What the test sends that the document forbids, e.g. {@code "malformed JSON"}. */
    String value();
}
