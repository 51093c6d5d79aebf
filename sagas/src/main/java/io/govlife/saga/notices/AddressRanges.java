package io.govlife.saga.notices;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The address ranges a webhook may never reach unless its host is allow-listed: anything that is not the public
 * internet as seen from this service. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are
 * judged by the address they carry, so {@code ::ffff:127.0.0.1} is loopback as much as {@code 127.0.0.1} is.
 */
final class AddressRanges {

    private AddressRanges() {
    }

    /** The range the address belongs to when it is not public, e.g. {@code "loopback (127.0.0.0/8)"}. */
    static Optional<String> internal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? v4(bytes) : v6(bytes);
    }

    private static Optional<String> v4(byte[] b) {
        int a = b[0] & 0xff;
        int c = b[1] & 0xff;
        int d = b[2] & 0xff;
        if (a == 0) {
            return Optional.of("this network (0.0.0.0/8)");
        }
        if (a == 127) {
            return Optional.of("loopback (127.0.0.0/8)");
        }
        if (a == 10 || a == 172 && (c & 0xf0) == 16 || a == 192 && c == 168) {
            return Optional.of("private (RFC 1918)");
        }
        if (a == 169 && c == 254) {
            return Optional.of("link-local (169.254.0.0/16)");
        }
        if (a == 100 && (c & 0xc0) == 64) {
            return Optional.of("shared address space (100.64.0.0/10)");
        }
        if (a == 198 && (c & 0xfe) == 18) {
            return Optional.of("benchmarking (198.18.0.0/15)");
        }
        if (a == 192 && c == 0 && d == 0) {
            return Optional.of("IETF protocol assignments (192.0.0.0/24)");
        }
        if (a == 192 && c == 0 && d == 2 || a == 198 && c == 51 && d == 100 || a == 203 && c == 0 && d == 113) {
            return Optional.of("documentation (TEST-NET)");
        }
        if (a >= 224 && a < 240) {
            return Optional.of("multicast (224.0.0.0/4)");
        }
        if (a == 255 && c == 255 && d == 255 && (b[3] & 0xff) == 255) {
            return Optional.of("broadcast (255.255.255.255)");
        }
        if (a >= 240) {
            return Optional.of("reserved (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    private static Optional<String> v6(byte[] b) {
        if (zeros(b, 0, 16)) {
            return Optional.of("unspecified (::)");
        }
        if (zeros(b, 0, 15) && b[15] == 1) {
            return Optional.of("loopback (::1)");
        }
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded("IPv4-mapped", b, 12);
        }
        if (zeros(b, 0, 12)) {
            // deprecated since RFC 4291: nothing legitimate is reached this way, and stacks disagree on its meaning
            return Optional.of("IPv4-compatible (::/96, deprecated)");
        }
        int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int second = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (first == 0x64 && second == 0xff9b && zeros(b, 4, 12)) {
            return embedded("NAT64", b, 12);
        }
        if (first == 0x64 && second == 0xff9b && b[4] == 0 && b[5] == 1) {
            return Optional.of("local-use NAT64 (64:ff9b:1::/48)");
        }
        if (first == 0x64 && second == 0xff9b) {
            return Optional.of("NAT64 (64:ff9b::/32)");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local (fc00::/7)");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Optional.of("link-local (fe80::/10)");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("site-local (fec0::/10, deprecated)");
        }
        if ((b[0] & 0xff) == 0xff) {
            return Optional.of("multicast (ff00::/8)");
        }
        if (first == 0x2002) {
            return embedded("6to4", b, 2);
        }
        if (first == 0x2001 && second == 0) {
            return Optional.of("Teredo (2001::/32)");
        }
        if (first == 0x2001 && second == 0x0db8) {
            return Optional.of("documentation (2001:db8::/32)");
        }
        if (first == 0x2001 && second == 0x0002 && b[4] == 0 && b[5] == 0) {
            return Optional.of("benchmarking (2001:2::/48)");
        }
        return Optional.empty();
    }

    private static Optional<String> embedded(String form, byte[] b, int at) {
        byte[] v4 = Arrays.copyOfRange(b, at, at + 4);
        return v4(v4).map(range -> form + " form of " + range);
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
