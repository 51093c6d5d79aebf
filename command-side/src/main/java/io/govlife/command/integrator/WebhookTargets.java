package io.govlife.command.integrator;

import io.govlife.command.web.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook URLs notices may be sent to. With {@code govlife.webhooks.allowed-hosts} set, only hosts matching
 * one of its patterns ({@code *.example.org}, {@code 127.0.0.1}); unset, any public host — never a loopback,
 * private, link-local or wildcard address, so a registration cannot aim the service at its own network.
 */
@Component
public class WebhookTargets {

    private final List<String> allowed;

    WebhookTargets(@Value("${govlife.webhooks.allowed-hosts:}") String allowedHosts) {
        this.allowed = Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** @throws InvalidInputException naming {@code webhookUrl} when the URL may not be called */
    public URI require(String webhookUrl) {
        URI uri;
        try {
            uri = URI.create(webhookUrl);
        } catch (IllegalArgumentException e) {
            throw refused("must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw refused("must be an absolute http(s) URL with a host and no credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowed.isEmpty()) {
            if (allowed.stream().noneMatch(pattern -> matches(pattern, host))) {
                throw refused("host '" + host + "' is not in govlife.webhooks.allowed-hosts");
            }
            return uri;
        }
        if (!isPublic(host)) {
            throw refused("host '" + host + "' is not a public address");
        }
        return uri;
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static boolean isPublic(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".internal")) {
            return false;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException unresolved) {
            // Not resolvable from here (a closed network, a name not yet live): delivery will retry, and each
            // attempt is recorded; refusing would block registering a real public endpoint.
            return true;
        }
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("webhookUrl", message);
    }
}
