package io.govlife.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the curl calls of README.md's walk-through, as written there, against the running application, and checks
 * the answers the README documents. If the README and the service drift apart, this fails.
 */
class ReadmeWalkthroughIT extends LiveApplication {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void the_readme_walkthrough_answers_as_documented() throws IOException {
        String readme = Files.readString(README);
        List<Curl> calls = walkthrough(readme);
        assertThat(calls).as("curl calls in the walk-through").hasSize(6);

        List<Api.Reply> replies = new ArrayList<>();
        String token = null;
        for (Curl call : calls) {
            Api.Reply reply = api.send(call.request(api, token));
            assertThat(reply.status()).as("%s %s answered %s", call.method, call.path, reply).isBetween(200, 299);
            if (call.capturesToken()) {
                token = reply.json().path("token").asText();
            } else {
                replies.add(reply);
            }
        }

        Api.Reply publication = replies.get(replies.size() - 1);
        assertThat(publication.status()).isEqualTo(201);
        assertThat(publication.header("Location")).isEqualTo("/api/govs/ethereum.superchain/config?revision=1");
        assertThat(publication.header("ETag")).isEqualTo("\"4\"");
        assertThat(publication.json().path("publishedRevision").asLong()).isEqualTo(1);
        String documented = documentedFingerprint(readme);
        assertThat(publication.json().path("publishedFingerprint").asText()).isEqualTo(documented);
        assertThat(replies).extracting(r -> r.header("ETag")).containsExactly("\"0\"", "\"1\"", "\"2\"", "\"3\"",
                "\"4\"");
    }

    private static String documentedFingerprint(String readme) {
        Matcher matcher = Pattern.compile("\"publishedFingerprint\":\"([0-9a-f]{64})\"").matcher(readme);
        assertThat(matcher.find()).as("README documents the published fingerprint").isTrue();
        return matcher.group(1);
    }

    /** The curl commands between the walk-through markers, continuation lines joined. */
    static List<Curl> walkthrough(String readme) {
        int start = readme.indexOf("<!-- walkthrough:start -->");
        int end = readme.indexOf("<!-- walkthrough:end -->");
        assertThat(start).as("walk-through markers in README.md").isNotNegative().isLessThan(end);
        String block = readme.substring(start, end).replace("\\\n", " ");
        return block.lines().map(String::trim)
                .filter(line -> line.startsWith("curl ") || line.startsWith("TOKEN=$(curl "))
                .map(Curl::parse).toList();
    }

    /** A curl call; {@code capturesToken} when the README keeps its answer's token in {@code $TOKEN}. */
    record Curl(String method, String path, List<String> headers, String body, boolean capturesToken) {

        static Curl parse(String line) {
            boolean captures = line.startsWith("TOKEN=$(");
            if (captures) {
                line = line.substring("TOKEN=$(".length(), line.indexOf(" | sed"));
            }
            List<String> words = shellWords(line);
            String method = "GET";
            String path = null;
            String body = null;
            List<String> headers = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i);
                switch (word) {
                    case "-X" -> method = words.get(++i);
                    case "-H" -> headers.add(words.get(++i));
                    case "-d" -> body = words.get(++i);
                    case "-s", "-i" -> { }
                    default -> {
                        if (word.startsWith("localhost:8080/")) {
                            path = word.substring("localhost:8080".length());
                        } else {
                            throw new IllegalArgumentException("unexpected curl word: " + word);
                        }
                    }
                }
            }
            return new Curl(method, path, headers, body, captures);
        }

        HttpRequest request(Api api, String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            for (String given : headers) {
                String header = token == null ? given : given.replace("$TOKEN", token);
                int colon = header.indexOf(':');
                request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
            return request.build();
        }

        /**
         * Splits like a POSIX shell for the quoting the README uses: single and double quotes ({@code $TOKEN} is
         * left in place and replaced when the request is built).
         */
        private static List<String> shellWords(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            char quote = 0;
            boolean inWord = false;
            for (char c : line.toCharArray()) {
                if ((c == '\'' || c == '"') && (quote == 0 || quote == c)) {
                    quote = quote == 0 ? c : 0;
                    inWord = true;
                } else if (Character.isWhitespace(c) && quote == 0) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
