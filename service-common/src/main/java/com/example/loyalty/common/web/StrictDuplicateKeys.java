package com.example.loyalty.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A body that names one field twice ({@code {"points":1,"points":2}}) is malformed JSON, a 400 problem. Jackson's
 * default takes the last value for a plain class but fails with an {@code InvalidDefinitionException} (a 500) for the
 * records every request body here is; and which of two values counts should never be a guess.
 */
@Singleton
public class StrictDuplicateKeys implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
