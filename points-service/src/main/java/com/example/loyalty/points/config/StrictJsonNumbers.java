package com.example.loyalty.points.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Points and amounts are whole numbers: a request that sends {@code 1.5} where one belongs is a 400 problem (the
 * malformed-body mapper), never silently cut to {@code 1}, which is Jackson's default.
 */
@Singleton
public class StrictJsonNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
