package com.example.loyalty.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;

/**
 * The management interface of the application under test: health ({@code /q/health/*}) and metrics
 * ({@code /q/metrics}) are served on a port of their own ({@code quarkus.management.*}: 9000 in production, a random
 * one in tests), never on the API port. RestAssured's default port is the API's, so tests ask for these by full URL.
 */
public final class ManagementInterface {

    private ManagementInterface() {}

    /** The full URL of {@code path} on the management interface, e.g. {@code url("/q/health/ready")}. */
    public static String url(String path) {
        String base = TestHTTPResourceManager.getManagementUri();
        // the base may end with the management root path (/q): the paths given here are absolute
        java.net.URI uri = java.net.URI.create(base);
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + path;
    }
}
