package com.example.loyalty.gateway.support;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket to the gateway under test, byte for byte as written: no client library normalises the
 * request target ({@code ..}, {@code %2e}, {@code //}, backslashes survive), and requests larger than a client would
 * send can be sent. Every request asks for {@code Connection: close}; the answer is read to the end.
 */
public final class RawHttp {

    private RawHttp() {}

    /** A response: status, headers (lower-case names, last value wins) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonPath json() {
            return JsonPath.from(body);
        }
    }

    /** {@code method target} with these header lines (each {@code "Name: value"}), no body. */
    public static Answer send(String method, String target, String... headerLines) {
        return send(method, target, null, headerLines);
    }

    /** As {@link #send(String, String, String...)}, with a body sent as it is (add its framing headers yourself). */
    public static Answer send(String method, String target, byte[] body, String... headerLines) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: localhost:")
                .append(RestAssured.port)
                .append("\r\nConnection: close\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the gateway may answer and close before it has read the whole body: the answer is still there
                }
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads an answer until the server closes the connection. */
    public static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset after the answer (the server closed while our body was still arriving)
        }
        String raw = all.toString(StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("no complete HTTP answer: '" + raw + "'");
        }
        String[] lines = raw.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String body = raw.substring(end + 4);
        String length = headers.get("content-length");
        if (length != null && body.length() > Integer.parseInt(length)) {
            body = body.substring(0, Integer.parseInt(length));
        }
        return new Answer(status, headers, body);
    }
}
