package com.example.loyalty.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

class AddressKeysTest {

    @Test
    void ipv4IsKeyedByTheAddress() {
        assertEquals("203.0.113.7", AddressKeys.of(SocketAddress.inetSocketAddress(41000, "203.0.113.7")));
        assertEquals("203.0.113.7", AddressKeys.of("::ffff:203.0.113.7"));
    }

    @Test
    void ipv6IsKeyedByItsSlash64() {
        String network = "2001:db8:1:2:0:0:0:0/64";
        assertEquals(network, AddressKeys.of("2001:db8:1:2::1"));
        assertEquals(network, AddressKeys.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals(network, AddressKeys.of("[2001:db8:1:2::abcd]"));
        assertEquals(network, AddressKeys.of("2001:db8:1:2::1%eth0"));
        assertEquals("2001:db8:1:3:0:0:0:0/64", AddressKeys.of("2001:db8:1:3::1"));
    }

    @Test
    void whatIsNoAddressIsKeptAsItIs() {
        assertEquals(AddressKeys.UNKNOWN, AddressKeys.of((SocketAddress) null));
        assertEquals("not:an:address:at:all:zz", AddressKeys.of("not:an:address:at:all:zz"));
    }
}
