package io.govlife.events.gov;

import io.govlife.events.Name;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"eth", "ethereum.superchain", "a-b.c-9", "abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void valid_names(String name) {
        assertThat(Name.of(name).value()).isEqualTo(name);
        assertThat(Name.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "9eth", ".eth", "Eth", "eth_x", "eth x", "éth",
            "abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void invalid_names(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> Name.of(name));
        assertThatIllegalArgumentException().isThrownBy(() -> Name.of(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00",
            "ABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABABAB",
            "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
            "000000000000000000000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000"})
    void invalid_fingerprints(String hex) {
        assertThatIllegalArgumentException().isThrownBy(() -> Fingerprint.of(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000000000000000000000000000000000000000000000000000",
            "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"})
    void fingerprints_round_trip_through_bytes(String hex) {
        assertThat(Fingerprint.of(Fingerprint.of(hex).bytes()).hex()).isEqualTo(hex);
    }
}
