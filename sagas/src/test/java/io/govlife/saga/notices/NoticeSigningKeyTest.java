package io.govlife.saga.notices;

import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeSigningKeyTest {

    /** A receiver's check, from the published {@code whpk_} key alone. */
    static boolean verifies(String publicKey, String id, long timestamp, String body, String signature)
            throws Exception {
        byte[] raw = Base64.getDecoder().decode(publicKey.substring("whpk_".length()));
        byte[] encoded = new byte[NoticeSigningKey.X509_PREFIX.length + raw.length];
        System.arraycopy(NoticeSigningKey.X509_PREFIX, 0, encoded, 0, NoticeSigningKey.X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, NoticeSigningKey.X509_PREFIX.length, raw.length);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(key);
        ed25519.update((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return ed25519.verify(Base64.getDecoder().decode(signature.substring("v1a,".length())));
    }

    @Test
    void every_node_with_the_same_secrets_key_signs_alike_and_the_public_key_verifies() throws Exception {
        NoticeSigningKey one = new NoticeSigningKey(TestKeys.KEYS);
        NoticeSigningKey other = new NoticeSigningKey(new TestKeys(List.of(TestKeys.CURRENT)));
        assertThat(one.publicKeyText()).startsWith("whpk_").isEqualTo(other.publicKeyText());

        String signature = one.sign("msg_1", 1_700_000_000L, "{\"kind\":\"INCLUSION\"}");
        assertThat(signature).startsWith("v1a,");
        assertThat(verifies(one.publicKeyText(), "msg_1", 1_700_000_000L, "{\"kind\":\"INCLUSION\"}", signature))
                .isTrue();
        assertThat(verifies(one.publicKeyText(), "msg_1", 1_700_000_000L, "{\"kind\":\"INCLUSIOn\"}", signature))
                .isFalse();
    }

    @Test
    void another_secrets_key_gives_another_signing_key() {
        assertThat(new NoticeSigningKey(new TestKeys(List.of(TestKeys.OLD))).publicKeyText())
                .isNotEqualTo(new NoticeSigningKey(TestKeys.KEYS).publicKeyText());
    }
}
