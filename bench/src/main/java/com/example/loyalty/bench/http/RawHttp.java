package com.example.loyalty.bench.http;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, for load generation: a benchmark on a 2-core machine shares
 * the CPU with the system it measures, so the client must cost as little as possible per request (no selector
 * thread, no header maps, no body parsing unless asked). Understands Content-Length and chunked bodies, and
 * reconnects when the server closes the connection. Not thread-safe: one per load thread.
 */
public final class RawHttp implements AutoCloseable {

    /** Status and (when kept) body of one answer. */
    public record Answer(int status, byte[] body) {
        public String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final byte[] buffer = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A GET with the given path (and query) and bearer token. */
    public Answer get(String path, String token, boolean keepBody) {
        return exchange(head("GET", path, token, null, 0), null, keepBody);
    }

    /** A POST of a JSON body. */
    public Answer postJson(String path, String token, byte[] json, boolean keepBody) {
        return exchange(head("POST", path, token, "application/json", json.length), json, keepBody);
    }

    private byte[] head(String method, String path, String token, String contentType, int length) {
        StringBuilder h = new StringBuilder(256 + (token == null ? 0 : token.length()));
        h.append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nAccept: application/json\r\n");
        if (token != null) {
            h.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (contentType != null) {
            h.append("Content-Type: ")
                    .append(contentType)
                    .append("\r\nContent-Length: ")
                    .append(length)
                    .append("\r\n");
        }
        h.append("\r\n");
        return h.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Answer exchange(byte[] head, byte[] body, boolean keepBody) {
        for (int attempt = 0; ; attempt++) {
            try {
                connect();
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return read(keepBody);
            } catch (IOException e) {
                closeQuietly();
                if (attempt >= 1) {
                    throw new UncheckedIOException("request to " + host + ":" + port + " failed", e);
                }
                // the server closed a kept-alive connection between two requests: once more on a new one
            }
        }
    }

    private void connect() throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
    }

    private Answer read(boolean keepBody) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before the answer");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while ((header = line()) != null && !header.isEmpty()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        java.io.ByteArrayOutputStream kept = keepBody ? new java.io.ByteArrayOutputStream() : null;
        if (chunked) {
            long size;
            while ((size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0) {
                body(size, kept);
                line();
            }
            while ((header = line()) != null && !header.isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            body(length, kept);
        }
        if (close) {
            closeQuietly();
        }
        return new Answer(status, kept == null ? null : kept.toByteArray());
    }

    private void body(long size, java.io.ByteArrayOutputStream kept) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed in the body");
            }
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
            left -= n;
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int end = s.length();
                return end > 0 && s.charAt(end - 1) == '\r' ? s.substring(0, end - 1) : s.toString();
            }
            s.append((char) c);
        }
        return s.length() == 0 ? null : s.toString();
    }

    private void closeQuietly() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // gone
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
