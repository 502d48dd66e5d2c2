package com.example.loyalty.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContractValidationTest {

    @Test
    void aRoutedPrefixNamesTheDocumentWhateverTheServerElseTheServersOwn() {
        ContractValidation.route("/api/things/", "http://localhost:1/q/openapi");
        ContractValidation.route("/api/things/special/", "http://localhost:2/q/openapi");
        assertEquals(
                "http://localhost:1/q/openapi", ContractValidation.documentUrl("http://gateway:8080", "/api/things/1"));
        assertEquals(
                "http://localhost:2/q/openapi",
                ContractValidation.documentUrl("http://gateway:8080", "/api/things/special/1"));
        assertEquals(
                "http://localhost:1/q/openapi", ContractValidation.documentUrl("http://gateway:8080", "/api/things"));
        assertEquals(
                "http://localhost:8081/q/openapi",
                ContractValidation.documentUrl("http://localhost:8081", "/api/thingsmore"));
        assertEquals(
                "http://localhost:8081/q/openapi",
                ContractValidation.documentUrl("http://localhost:8081", "/api/others/1"));
    }
}
