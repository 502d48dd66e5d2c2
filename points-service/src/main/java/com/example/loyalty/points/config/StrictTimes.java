package com.example.loyalty.points.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * An empty string is not a point in time. Jackson reads {@code "occurredAt": ""} as no value at all, and a purchase
 * without {@code occurredAt} happened now: a till that lost an old purchase's date would slip past the max age. Here it
 * is a malformed body (400), like any other unreadable time.
 */
@Singleton
public class StrictTimes implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(Instant.class).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
}
