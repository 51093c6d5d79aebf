package io.govlife.saga.notices;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where notices may go, decided on a fake resolver so a name can be made to point anywhere. */
class WebhookTargetPolicyTest {

    private static final Map<String, String> DNS = Map.of(
            "hooks.example.org", "93.184.216.34",
            "rebound.example.org", "10.0.0.7",
            "metadata.example.org", "169.254.169.254",
            "mapped.example.org", "::ffff:127.0.0.1",
            "nat64.example.org", "64:ff9b::7f00:1",
            "localhost", "127.0.0.1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.getOrDefault(host, host.matches("[0-9a-f.:]+") ? host : null);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final WebhookTargetPolicy open = new WebhookTargetPolicy("", 8080, WebhookTargetPolicyTest::resolve);
    private final WebhookTargetPolicy allowListed = new WebhookTargetPolicy("127.0.0.1, localhost, *.example.org",
            8080, WebhookTargetPolicyTest::resolve);

    @Test
    void a_public_host_may_be_called() {
        assertThat(open.refusal("https://hooks.example.org/govlife")).isEmpty();
        assertThat(open.refusal("http://93.184.216.34:8443/x")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://rebound.example.org/x", "http://metadata.example.org/latest",
            "http://mapped.example.org/x", "http://nat64.example.org/x", "http://127.0.0.1:9000/x",
            "http://[::1]:9000/x", "http://[::ffff:127.0.0.1]/x", "http://[64:ff9b::7f00:1]/x", "http://[::127.0.0.1]/x",
            "http://[fd00::1]/x", "http://100.64.0.1/x", "http://198.18.0.1/x", "http://255.255.255.255/x",
            "http://localhost:9000/x"})
    void without_an_allow_list_internal_addresses_are_refused(String url) {
        assertThat(open.refusal(url)).isPresent();
    }

    @Test
    void a_name_is_judged_by_what_it_resolves_to_now() {
        assertThat(open.refusal("http://rebound.example.org/x")).hasValueSatisfying(
                reason -> assertThat(reason).contains("10.0.0.7").contains("private"));
    }

    @Test
    void an_unresolvable_host_is_refused() {
        assertThat(open.refusal("https://no-such-host.invalid/x")).hasValueSatisfying(
                reason -> assertThat(reason).contains("does not resolve"));
        assertThat(allowListed.refusal("https://gone.example.org/x")).hasValueSatisfying(
                reason -> assertThat(reason).contains("does not resolve"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:99999/x", "http://127.0.0.1:0/x", "http://hooks.example.org:65536/",
            "http://bad_host.example.org/x", "http://user:pw@hooks.example.org/x", "ftp://hooks.example.org/x",
            "hooks.example.org/x", "http:///x", "http://hooks example.org/", "http://[::1/x"})
    void malformed_urls_invalid_ports_and_hosts_are_refused(String url) {
        assertThat(open.refusal(url)).isPresent();
        assertThat(allowListed.refusal(url)).isPresent();
    }

    @Test
    void allow_listed_hosts_may_be_internal_but_nothing_else_is_allowed() {
        assertThat(allowListed.refusal("http://127.0.0.1:9000/x")).isEmpty();
        assertThat(allowListed.refusal("http://localhost:9000/x")).isEmpty();
        assertThat(allowListed.refusal("http://rebound.example.org/x")).isEmpty();
        assertThat(allowListed.refusal("http://93.184.216.34/x")).hasValueSatisfying(
                reason -> assertThat(reason).contains("allowed-hosts"));
    }

    @Test
    void the_service_s_own_port_on_loopback_is_refused_even_when_allow_listed() {
        assertThat(allowListed.refusal("http://127.0.0.1:8080/api/govs")).hasValueSatisfying(
                reason -> assertThat(reason).contains("this service"));
        assertThat(allowListed.refusal("http://localhost:8080/api/govs")).isPresent();
        assertThat(allowListed.refusal("http://127.0.0.1:8081/hook")).isEmpty();
    }

    @Test
    void the_port_actually_bound_counts_as_the_service_s_own() {
        WebhookTargetPolicy random = new WebhookTargetPolicy("127.0.0.1", 0, WebhookTargetPolicyTest::resolve);
        assertThat(random.refusal("http://127.0.0.1:41234/x")).isEmpty();
        org.springframework.boot.web.server.WebServer server = org.mockito.Mockito.mock(
                org.springframework.boot.web.server.WebServer.class);
        org.mockito.Mockito.when(server.getPort()).thenReturn(41234);
        random.onWebServer(new org.springframework.boot.web.context.WebServerInitializedEvent(server) {
            @Override
            public org.springframework.boot.web.context.WebServerApplicationContext getApplicationContext() {
                return null;
            }
        });
        assertThat(random.refusal("http://127.0.0.1:41234/x")).isPresent();
    }
}
