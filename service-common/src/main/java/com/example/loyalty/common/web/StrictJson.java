package com.example.loyalty.common.web;

import com.example.loyalty.common.text.SafeText;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies are read as their OpenAPI documents describe them, nothing looser. Jackson by default coerces: it
 * reads {@code "amount": "12"} as the number 12, {@code 1.5} as the integer 1, {@code "true"} or {@code 1} as a
 * boolean, {@code 7} as a string or as the eighth constant of an enum, {@code 1700000000} as an instant, {@code ""} as
 * no date, and ignores what follows the body's closing brace. Each of those is here a
 * malformed body, a 400 problem naming the field ({@link JsonProblemMappers}).
 *
 * <p>Every JSON string, wherever it sits in whatever DTO (a field, a list element, a map key, a survey answer read as
 * {@code Object}), is also checked once for text no field accepts ({@link SafeText}): a NUL character or a lone
 * surrogate is a 400 too, before anything can store it.
 *
 * <p>Only the REST ObjectMapper is customised: JSONB columns and Kafka events have mappers of their own.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Makes {@code mapper} strict as described above; returns it. */
    public static ObjectMapper apply(ObjectMapper mapper) {
        refuse(
                mapper,
                LogicalType.Integer,
                CoercionInputShape.String,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(
                mapper,
                LogicalType.Boolean,
                CoercionInputShape.String,
                CoercionInputShape.Integer,
                CoercionInputShape.Float);
        refuse(
                mapper,
                LogicalType.Textual,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
        for (LogicalType type : new LogicalType[] {
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.Boolean,
            LogicalType.Enum,
            LogicalType.DateTime,
            LogicalType.OtherScalar,
            LogicalType.POJO,
            LogicalType.Collection,
            LogicalType.Map,
            LogicalType.Array
        }) {
            refuse(mapper, type, CoercionInputShape.EmptyString);
        }
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("loyalty-strict-text")
                .addDeserializer(String.class, new CheckedStringDeserializer())
                .addKeyDeserializer(String.class, new CheckedKeyDeserializer())
                .setDeserializerModifier(new TextOnlyDateTimes()));
        return mapper;
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** A JSON string that holds text no field accepts; {@link JsonProblemMappers} answers it as 400 invalid-text. */
    public static final class ForbiddenTextException extends MismatchedInputException {

        ForbiddenTextException(JsonParser p, String message) {
            super(p, message, String.class);
        }
    }

    /** Strings only from JSON strings, each checked by {@link SafeText}. */
    static final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

        CheckedStringDeserializer() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return "";
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                return checked(p.getText(), p);
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
    }

    /** Map keys (titles by language, answers by question id) checked like every other string. */
    static final class CheckedKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(key, ctxt.getParser());
        }
    }

    /**
     * Dates and times only from strings: java.time's deserializers read {@code 1700000000} as an instant and {@code
     * [2026, 1, 2]} as a date whatever the coercion settings say.
     */
    static final class TextOnlyDateTimes extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            return deserializer.logicalType() == LogicalType.DateTime
                    ? new TextOnlyDateTime(deserializer)
                    : deserializer;
        }
    }

    static final class TextOnlyDateTime extends DelegatingDeserializer {

        TextOnlyDateTime(JsonDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new TextOnlyDateTime(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(handledType(), p);
            }
            return super.deserialize(p, ctxt);
        }
    }

    private static String checked(String text, JsonParser p) throws ForbiddenTextException {
        String problem = SafeText.problemIn(text);
        if (problem != null) {
            throw new ForbiddenTextException(p, "the text " + problem);
        }
        return text;
    }
}
