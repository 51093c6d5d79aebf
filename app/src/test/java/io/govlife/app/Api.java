package io.govlife.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/** Speaks HTTP/JSON to the running application the way an operator console does. Raw bodies on purpose. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bootstrap admin token every test application starts with (README uses the same). */
    public static final String ADMIN_TOKEN = "change-me-admin";
    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Reply post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Reply put(String path, String body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public Reply delete(String path, String body, String... headers) {
        return send("DELETE", path, body, headers);
    }

    /**
     * Sends with a JSON content type, as operator {@code alice} with her bearer token, unless the headers say
     * otherwise: {@code "X-Operator", name} sends as that operator, {@code "-X-Operator"} sends no token, and an
     * {@code Authorization} header is sent as given.
     */
    public Reply send(String method, String path, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (!all.contains("Content-Type")) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        int operator = all.indexOf("X-Operator");
        if (operator >= 0) {
            String name = all.get(operator + 1);
            all.remove(operator + 1);
            all.remove(operator);
            all.addAll(List.of("Authorization", bearer(name)));
        } else if (!all.contains("-X-Operator") && !all.contains("Authorization")) {
            all.addAll(List.of("Authorization", bearer("alice")));
        }
        all.remove("-X-Operator");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        return send(request.build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code Bearer <token>} for the operator, creating the token once per application with the admin token. */
    public String bearer(String operator) {
        return "Bearer " + TOKENS.computeIfAbsent(base + "/" + operator, key -> {
            Reply issued = send("POST", "/api/admin/tokens", "{\"operator\":\"" + operator + "\"}",
                    "Authorization", "Bearer " + ADMIN_TOKEN);
            if (issued.status() != 201) {
                throw new IllegalStateException("cannot issue a token for " + operator + ": " + issued);
            }
            return issued.json().path("token").asText();
        });
    }

    public Reply asAdmin(String method, String path, String body) {
        return send(method, path, body, "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public record Reply(int status, HttpResponse<String> response, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
