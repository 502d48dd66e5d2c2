package com.example.loyalty.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson calls the getters of the records it writes (and the constructors and setters of what it reads) through
 * reflection, one megamorphic {@code Method.invoke} per property: in a profile of a feed page read (twenty posts of a
 * dozen properties each) that call was the service's hottest method, 11 % of its CPU. The Blackbird module replaces
 * each with a lambda generated once per property ({@code LambdaMetafactory}), which the JIT inlines. What is read and
 * written stays exactly the same; only the REST mapper is customised, as {@link StrictJson} says.
 */
@Singleton
public class JsonAccessors implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new BlackbirdModule());
    }
}
