package com.example.loyalty.gateway.ratelimit;

import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The key under which a connection's remote address is limited: an IPv4 address as it is, an IPv6 address by its
 * /64 network. Why: /64 is the smallest block a subscriber is given (a phone, a home line) and any host in it can
 * use every one of its 2^64 addresses, so per-address keys would let one caller mint a fresh budget per request.
 */
final class AddressKeys {

    static final String UNKNOWN = "unknown";

    private AddressKeys() {}

    static String of(SocketAddress remote) {
        if (remote == null || remote.hostAddress() == null) {
            return UNKNOWN;
        }
        return of(remote.hostAddress());
    }

    /** {@code hostAddress} is parsed as a numeric address, never looked up; what is none is kept as it is. */
    static String of(String hostAddress) {
        if (!hostAddress.contains(":")) {
            return hostAddress;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(hostAddress);
        if (bytes == null) {
            return hostAddress;
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            if (address instanceof Inet4Address) {
                return address.getHostAddress(); // IPv4-mapped (::ffff:a.b.c.d)
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return hostAddress; // not 4 or 16 bytes: cannot happen for a parsed address
        }
    }
}
