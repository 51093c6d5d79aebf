package io.govlife.query.support;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublicBytesTest {

    private static final byte[] BODY = "{\"gov\":\"ethereum.superchain\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant PUBLISHED = Instant.parse("2026-12-05T09:00:00Z");

    private static MockHttpServletResponse send(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        PublicBytes.send(request, response, MediaType.APPLICATION_JSON, PublicCaching.BRIEFLY, "abc", PUBLISHED,
                BODY);
        return response;
    }

    @Test
    void the_bytes_go_out_as_they_are_with_their_type_length_entity_tag_and_caching() throws Exception {
        MockHttpServletResponse response = send(new MockHttpServletRequest("GET", "/api/govs/g/config"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsByteArray()).isEqualTo(BODY);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentLength()).isEqualTo(BODY.length);
        assertThat(response.getHeader("ETag")).isEqualTo("\"abc\"");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("max-age=30, public");
        assertThat(response.getDateHeader("Last-Modified")).isEqualTo(PUBLISHED.toEpochMilli());
    }

    @Test
    void a_client_holding_the_entity_tag_is_told_304_with_the_caching_headers_and_no_body() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/govs/g/config");
        request.addHeader("If-None-Match", "\"abc\"");
        MockHttpServletResponse response = send(request);
        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeader("ETag")).isEqualTo("\"abc\"");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("max-age=30, public");
    }

    @Test
    void another_entity_tag_or_an_older_date_gets_the_bytes() throws Exception {
        MockHttpServletRequest stale = new MockHttpServletRequest("GET", "/api/govs/g/config");
        stale.addHeader("If-None-Match", "\"abd\"");
        assertThat(send(stale).getStatus()).isEqualTo(200);

        MockHttpServletRequest before = new MockHttpServletRequest("GET", "/api/govs/g/config");
        before.addHeader("If-Modified-Since", PUBLISHED.minusSeconds(60).toEpochMilli());
        assertThat(send(before).getContentAsByteArray()).isEqualTo(BODY);

        MockHttpServletRequest since = new MockHttpServletRequest("GET", "/api/govs/g/config");
        since.addHeader("If-Modified-Since", PUBLISHED.toEpochMilli());
        assertThat(send(since).getStatus()).isEqualTo(304);
    }

    @Test
    void a_failed_precondition_is_412_and_carries_nothing_a_cache_would_keep() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/govs/g/config");
        request.addHeader("If-Unmodified-Since", PUBLISHED.minusSeconds(60).toEpochMilli());
        MockHttpServletResponse response = send(request);
        assertThat(response.getStatus()).isEqualTo(412);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeader("Cache-Control")).isNull();
    }
}
