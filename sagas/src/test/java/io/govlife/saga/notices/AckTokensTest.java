package io.govlife.saga.notices;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AckTokensTest {

    private final AckTokens tokens = new AckTokens(TestKeys.KEYS);

    @Test
    void a_token_acks_its_own_notice_for_its_own_integrator_only() {
        String token = tokens.issue("gov.one", "msg_1", "acme");
        assertThat(tokens.accepts("gov.one", "msg_1", "acme", token)).isTrue();
        assertThat(tokens.accepts("gov.one", "msg_2", "acme", token)).isFalse();
        assertThat(tokens.accepts("gov.one", "msg_1", "other", token)).isFalse();
        assertThat(tokens.accepts("gov.two", "msg_1", "acme", token)).isFalse();
        assertThat(tokens.accepts("gov.one", "msg_1", "acme", null)).isFalse();
        assertThat(tokens.accepts("gov.one", "msg_1", "acme", "")).isFalse();
    }

    @Test
    void tokens_sent_before_a_key_rotation_are_still_accepted() {
        String before = new AckTokens(new TestKeys(List.of(TestKeys.OLD))).issue("gov.one", "msg_1", "acme");
        AckTokens rotated = new AckTokens(new TestKeys(List.of(TestKeys.CURRENT, TestKeys.OLD)));
        assertThat(rotated.accepts("gov.one", "msg_1", "acme", before)).isTrue();
        assertThat(tokens.accepts("gov.one", "msg_1", "acme", before)).isFalse();
    }
}
