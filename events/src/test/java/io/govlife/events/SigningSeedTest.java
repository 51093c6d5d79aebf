package io.govlife.events;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningSeedTest {

    @Test
    void one_seed_draws_one_key_pair_on_every_node_and_start() {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        SigningSeed first = new SigningSeed(seed);
        Arrays.fill(seed, (byte) 8); // the seed is the value type's own copy

        assertThat(first.keyPair().getPublic().getEncoded())
                .isEqualTo(new SigningSeed(filled(7)).keyPair().getPublic().getEncoded())
                .isNotEqualTo(new SigningSeed(filled(8)).keyPair().getPublic().getEncoded());
    }

    @Test
    void an_ed25519_seed_has_32_bytes() {
        assertThatThrownBy(() -> new SigningSeed(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes, not 31");
    }

    private static byte[] filled(int value) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) value);
        return seed;
    }
}
