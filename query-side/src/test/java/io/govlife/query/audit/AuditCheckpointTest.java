package io.govlife.query.audit;

import io.govlife.query.QuerySideProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed checkpoint ending an export: only the service's key can make one that covers a chain. */
class AuditCheckpointTest {

    private static final String ORIGIN = "https://govlife.example/govs/ethereum.superchain";

    private final byte[] seed = new byte[32];
    private final AuditSigningKey key = new AuditSigningKey(seed);

    /** Three event lines of the given payloads and a signed end line, chained the way the export writes them. */
    private static List<String> export(AuditSigningKey signer, int... payloads) {
        List<String> lines = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 0; seq < payloads.length; seq++) {
            String line = "{\"sequence\":" + seq + ",\"payload\":{\"n\":" + payloads[seq] + "},\"prev\":\"" + prev + "\"}";
            lines.add(line);
            prev = AuditChain.hash(line);
        }
        String signature = signer.sign(AuditChain.checkpoint(ORIGIN, payloads.length, prev, payloads.length, null));
        lines.add("{\"end\":true,\"gov\":\"ethereum.superchain\",\"events\":" + payloads.length + ",\"prev\":\"" + prev + "\",\"checkpoint\":{\"origin\":\""
                + ORIGIN + "\",\"size\":" + payloads.length + ",\"root\":\"" + prev + "\",\"sealed\":" + payloads.length
                + "},\"keyId\":\""
                + signer.keyId() + "\",\"signature\":\"" + signature + "\"}");
        return lines;
    }

    private PublicKey published() {
        return AuditChain.publicKey(key.published().get("publicKey"));
    }

    @Test
    void a_signed_export_verifies_with_the_published_key() {
        AuditChain.Verdict verdict = AuditChain.verify(export(key, 1, 2, 3), published());
        assertThat(verdict.ok()).as(verdict.toString()).isTrue();
        assertThat(key.published()).containsEntry("keyId", key.keyId()).containsEntry("algorithm", "Ed25519");
    }

    /** The attack a hash chain alone cannot stop: change an event, recompute every hash after it. */
    @Test
    void a_file_rewritten_with_recomputed_hashes_fails_at_its_end_line() {
        List<String> genuine = export(key, 1, 2, 3);
        AuditSigningKey forger = new AuditSigningKey(seedOf(7));
        List<String> rewritten = new ArrayList<>(export(forger, 1, 99, 3));
        // the forger cannot sign with the service's key: it keeps the genuine end line's key id and signature
        String genuineEnd = genuine.get(3);
        String forgedEnd = rewritten.get(3);
        rewritten.set(3, forgedEnd.substring(0, forgedEnd.indexOf(",\"keyId\"")) + genuineEnd.substring(
                genuineEnd.indexOf(",\"keyId\"")));

        assertThat(AuditChain.verify(rewritten).ok()).as("the chain alone is intact").isTrue();
        AuditChain.Verdict verdict = AuditChain.verify(rewritten, published());
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.line()).isEqualTo(4);
        assertThat(verdict.problem()).contains("signature does not match");
        // signed with its own key, the forgery names that key instead
        assertThat(AuditChain.verify(export(forger, 1, 99, 3), published()).problem())
                .contains("not by the given key " + key.keyId());
    }

    @Test
    void an_altered_line_is_still_named_first_and_an_unsigned_file_fails_when_a_key_is_given() {
        List<String> altered = new ArrayList<>(export(key, 1, 2, 3));
        altered.set(1, altered.get(1).replace("\"n\":2", "\"n\":5"));
        assertThat(AuditChain.verify(altered, published()).line()).isEqualTo(3);

        List<String> unsigned = AuditChainTest.chain();
        assertThat(AuditChain.verify(unsigned).ok()).isTrue();
        assertThat(AuditChain.verify(unsigned, published()).problem()).contains("no signed checkpoint");
    }

    @Test
    void a_checkpoint_that_does_not_cover_the_chain_is_refused() {
        List<String> lines = new ArrayList<>(export(key, 1, 2, 3));
        lines.set(3, lines.get(3).replace("\"size\":3", "\"size\":2"));
        assertThat(AuditChain.verify(lines, published()).problem()).contains("does not cover this chain");
        // another gov's export, renamed: the signed origin names its own gov
        List<String> renamed = new ArrayList<>(export(key, 1, 2, 3));
        renamed.set(3, renamed.get(3).replace("\"gov\":\"ethereum.superchain\"", "\"gov\":\"other.gov\""));
        assertThat(AuditChain.verify(renamed, published()).problem()).contains("does not cover this chain");
    }

    /** A count spelled as text must not slip past the signature check and the verdict alike. */
    @Test
    void an_altered_count_written_as_text_or_a_boolean_is_refused() {
        for (String forged : new String[] {"\"3\"", "true", "\"x\""}) {
            List<String> lines = new ArrayList<>(export(key, 1, 2, 3));
            lines.set(3, lines.get(3).replace("\"sealed\":3", "\"sealed\":3,\"altered\":" + forged));
            AuditChain.Verdict verdict = AuditChain.verify(lines, published());
            assertThat(verdict.ok()).as(forged).isFalse();
            assertThat(verdict.problem()).contains("not a count");
        }
    }

    @Test
    void with_the_key_the_verdict_names_the_origin_and_how_many_events_were_sealed() {
        assertThat(AuditChain.verify(export(key, 1, 2, 3), published()).toString())
                .isEqualTo("OK: 3 events, chain intact, checkpoint of " + ORIGIN
                        + " (3 of 3 events sealed at their append)");
    }


    @Test
    void the_key_comes_from_configuration_or_is_drawn_once_into_the_data_directory(@TempDir Path dataDir)
            throws Exception {
        String configured = Base64.getEncoder().encodeToString(seedOf(3));
        assertThat(new AuditSigningKey(settings(dataDir, configured)).keyId())
                .isEqualTo(new AuditSigningKey(seedOf(3)).keyId());
        assertThat(Files.exists(dataDir.resolve(AuditSigningKey.FILE))).isFalse();

        String drawn = new AuditSigningKey(settings(dataDir, "")).keyId();
        assertThat(Files.readString(dataDir.resolve(AuditSigningKey.FILE)).trim()).hasSize(44);
        assertThat(new AuditSigningKey(settings(dataDir, "")).keyId()).as("the next start signs alike").isEqualTo(drawn);

        assertThatThrownBy(() -> new AuditSigningKey(settings(dataDir, "c2hvcnQ=")))
                .hasMessageContaining("govlife.audit.signing-key").hasMessageContaining("32 bytes");
    }

    private static QuerySideProperties settings(Path dataDir, String signingKey) {
        return new QuerySideProperties("http://localhost:8080", new QuerySideProperties.Stream(
                java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(5)), dataDir,
                new QuerySideProperties.Audit(signingKey),
                new QuerySideProperties.PublicReads(java.time.Duration.ofSeconds(1)));
    }

    private static byte[] seedOf(int b) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) b);
        return seed;
    }
}
