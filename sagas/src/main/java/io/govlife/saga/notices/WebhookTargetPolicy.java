package io.govlife.saga.notices;

import io.govlife.saga.SagaProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one authority on where a notice may be sent, asked at registration and again before every attempt: a
 * name that resolved to a public address when it was registered may resolve to this service's own network by the
 * time a notice goes out. With {@code govlife.webhooks.allowed-hosts} set, only hosts matching one of its patterns
 * ({@code *.example.org}, {@code 127.0.0.1}) and then whatever they resolve to; unset, any host whose every address
 * is public ({@link AddressRanges}). Either way the host must resolve, and never to this service itself: its own
 * port on a loopback, wildcard or local interface address is refused even when allow-listed, or a notice could
 * call the service's own API (whose ack endpoint needs no token).
 */
@Component
public class WebhookTargetPolicy {

    private final List<String> allowed;
    private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();
    private final Resolver resolver;

    /** Name resolution, replaceable in tests: the real one asks the system resolver (and its cache) each time. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Autowired
    WebhookTargetPolicy(SagaProperties settings, @Value("${server.port:8080}") int serverPort) {
        this(settings.webhooks().allowedHosts(), serverPort);
    }

    public WebhookTargetPolicy(String allowedHosts, int serverPort) {
        this(allowedHosts, serverPort, InetAddress::getAllByName);
    }

    WebhookTargetPolicy(String allowedHosts, int serverPort, Resolver resolver) {
        this.allowed = Arrays.stream(allowedHosts.split(",")).map(String::trim).filter(h -> !h.isEmpty())
                .map(WebhookTargetPolicy::normalised).toList();
        if (serverPort > 0) {
            ownPorts.add(serverPort);
        }
        this.resolver = resolver;
    }

    /** The port actually bound (a random one in tests, a management port beside the main one). */
    @EventListener
    void onWebServer(WebServerInitializedEvent started) {
        ownPorts.add(started.getWebServer().getPort());
    }

    /** Why a notice may not be sent to {@code url}, or empty when it may. */
    public Optional<String> refusal(String url) {
        try {
            require(url);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** @throws Refused saying why, when the URL is malformed or its host may not be called */
    public URI require(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new Refused("must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an absolute http(s) URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            // a host the URI grammar rejects (an underscore, a port out of range) leaves no host at all
            throw new Refused("must name a valid host and port, without credentials");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535 || uri.getPort() < -1) {
            throw new Refused("port " + uri.getPort() + " is not a valid port (1-65535)");
        }
        String host = normalised(uri.getHost());
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        boolean allowListed = allowed.stream().anyMatch(pattern -> matches(pattern, host));
        if (!allowed.isEmpty() && !allowListed) {
            throw new Refused("host '" + host + "' is not in govlife.webhooks.allowed-hosts");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException unresolved) {
            throw new Refused("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (ownPorts.contains(port) && isThisHost(address)) {
                throw new Refused("'" + host + ":" + port + "' is this service itself");
            }
            if (!allowListed) {
                Optional<String> internal = AddressRanges.internal(address);
                if (internal.isPresent()) {
                    throw new Refused("host '" + host + "' resolves to " + address.getHostAddress()
                            + ", a " + internal.get() + " address");
                }
            }
        }
        return uri;
    }

    private static boolean isThisHost(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()
                || AddressRanges.internal(address).filter(r -> r.contains("loopback")).isPresent()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1));
        }
        return pattern.equals(host);
    }

    private static String normalised(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.startsWith("[") && lower.endsWith("]") ? lower.substring(1, lower.length() - 1) : lower;
    }

    /** A target notices may not be sent to; the message says why, for the caller or the attempt log. */
    public static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
