package io.govlife.saga.notices;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** Every range a webhook may not reach, in each written form, and public addresses that stay reachable. */
class AddressRangesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback",
            "127.255.0.9, loopback",
            "::1, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "172.31.255.255, private",
            "192.168.1.1, private",
            "169.254.169.254, link-local",
            "fe80::1, link-local",
            "febf::1, link-local",
            "fc00::1, unique-local",
            "fd12:3456::1, unique-local",
            "100.64.0.1, shared",
            "100.127.255.254, shared",
            "198.18.0.1, benchmarking",
            "198.19.255.255, benchmarking",
            "2001:2::1, benchmarking",
            "255.255.255.255, broadcast",
            "0.0.0.0, this network",
            "::, unspecified",
            "224.0.0.1, multicast",
            "ff02::1, multicast",
            "240.0.0.1, reserved",
            "192.0.2.10, documentation",
            "2001:db8::1, documentation",
            // IPv4 in IPv6 clothing is judged by the IPv4 address it carries
            "::ffff:127.0.0.1, loopback",
            "::ffff:10.0.0.1, private",
            "::ffff:169.254.169.254, link-local",
            "64:ff9b::7f00:1, NAT64 form of loopback",
            "64:ff9b::a00:1, NAT64 form of private",
            "64:ff9b::6440:1, NAT64 form of shared",
            "64:ff9b::c612:1, NAT64 form of benchmarking",
            "64:ff9b::ffff:ffff, NAT64 form of broadcast",
            "64:ff9b:1::1, local-use NAT64",
            "::127.0.0.1, IPv4-compatible",
            "::8.8.8.8, IPv4-compatible",
            "2002:7f00:1::1, 6to4 form of loopback",
            "2002:c0a8:101::1, 6to4 form of private",
            "2001::1, Teredo",
    })
    void internal_addresses_are_named_by_their_range(String address, String range) throws Exception {
        assertThat(AddressRanges.internal(InetAddress.getByName(address))).hasValueSatisfying(
                named -> assertThat(named).contains(range));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.63.255.255", "100.128.0.1",
            "198.17.255.255", "198.20.0.1", "169.253.0.1", "192.169.0.1", "11.0.0.1", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void public_addresses_are_not_internal(String address) throws Exception {
        assertThat(AddressRanges.internal(InetAddress.getByName(address))).isEmpty();
    }

    /** Java turns a parsed {@code ::ffff:a.b.c.d} into an IPv4 address; bytes from elsewhere may stay IPv6. */
    @ParameterizedTest
    @CsvSource({"127, 0, 0, 1, loopback", "10, 9, 8, 7, private", "192, 168, 0, 1, private",
            "100, 64, 1, 1, shared", "198, 18, 1, 1, benchmarking", "255, 255, 255, 255, broadcast"})
    void ipv4_mapped_addresses_kept_as_ipv6_are_judged_by_their_ipv4_address(int a, int b, int c, int d,
                                                                            String range) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) a;
        mapped[13] = (byte) b;
        mapped[14] = (byte) c;
        mapped[15] = (byte) d;
        Inet6Address v6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(v6.getAddress()).hasSize(16);
        assertThat(AddressRanges.internal(v6)).hasValueSatisfying(named -> assertThat(named)
                .contains("IPv4-mapped").contains(range));
    }
}
