package com.example.loyalty.gateway.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem detail written by the gateway itself (401, 403, 404, 429, 502, 503, 504 ...).
 * The status carries the meaning, so {@code type} is {@code about:blank} and {@code title} the
 * status phrase, as RFC 9457 section 4.2.1 prescribes; {@code requestId} is an extension member
 * that ties the answer to the gateway's and the services' logs.
 */
public record Problem(int status, String title, String detail, String instance, String requestId) {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE = "about:blank";

    public static Problem of(int status, String detail, String instance, String requestId) {
        return new Problem(status, HttpResponseStatus.valueOf(status).reasonPhrase(), detail, instance, requestId);
    }

    /**
     * 401 for a protected path: no token, or a token that is invalid or expired (the two cases reach
     * the gateway by different Quarkus paths but must read the same).
     */
    public static Problem unauthorized(boolean tokenSent, String instance, String requestId) {
        return of(
                401,
                tokenSent ? "The bearer token is invalid or expired." : "A bearer token is required.",
                instance,
                requestId);
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject()
                .put("type", TYPE)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            json.put("instance", instance);
        }
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json;
    }

    public Buffer toBuffer() {
        return toJson().toBuffer();
    }

    /** Writes this problem as the whole response (status, content type, body) unless it has already started. */
    public void send(HttpServerResponse response) {
        if (response.ended() || response.headWritten()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(toBuffer());
    }
}
