package io.govlife.saga.notices;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.List;

/** Keys for tests: secrets stored as {@code sealed:<secret>}, ack tokens under fixed keys. */
final class TestKeys implements NoticeKeys {

    static final SecretKey OLD = new SecretKeySpec(new byte[32], "HmacSHA256");
    static final SecretKey CURRENT = new SecretKeySpec("0123456789abcdef0123456789abcdef".getBytes(), "HmacSHA256");
    static final TestKeys KEYS = new TestKeys(List.of(CURRENT));

    private final List<SecretKey> ackKeys;

    TestKeys(List<SecretKey> ackKeys) {
        this.ackKeys = ackKeys;
    }

    @Override
    public String openSigningSecret(String sealed, String gov, String integrator) {
        if (!sealed.startsWith("sealed:")) {
            throw new IllegalStateException("not sealed");
        }
        return sealed.substring("sealed:".length());
    }

    @Override
    public List<SecretKey> ackTokenKeys() {
        return ackKeys;
    }
}
