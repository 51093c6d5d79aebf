package io.govlife.app.audit;

import io.govlife.query.audit.AuditChain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * {@code java -jar govlife.jar verify-audit FILE [--key PUBLIC_KEY]}: checks an audit export's hash chain without
 * starting the service, and names the first line that was altered, removed or reordered. Given the service's public
 * key ({@code GET /api/audit/key}), it also checks the signed checkpoint at the end, which a file rewritten with
 * recomputed hashes cannot carry. Exit status 0 when intact, 1 when broken, 2 when the file or key cannot be read.
 */
public final class VerifyAuditCommand {

    public static final String NAME = "verify-audit";

    private VerifyAuditCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        boolean keyed = args.length == 4 && args[2].equals("--key");
        if (args.length != 2 && !keyed) {
            out.println("usage: java -jar govlife.jar " + NAME + " FILE [--key PUBLIC_KEY]");
            return 2;
        }
        PublicKey key;
        try {
            key = keyed ? AuditChain.publicKey(args[3]) : null;
        } catch (IllegalArgumentException unreadable) {
            out.println("cannot read the key: " + unreadable.getMessage());
            return 2;
        }
        try {
            AuditChain.Verdict verdict = AuditChain.verify(Files.readAllLines(Path.of(args[1]),
                    StandardCharsets.UTF_8), key);
            out.println(verdict + (verdict.ok() && key == null
                    ? " (signature not checked: pass --key, the publicKey of GET /api/audit/key)"
                    : verdict.ok() ? ", signed by key " + AuditChain.keyId(key) : ""));
            return verdict.ok() ? 0 : 1;
        } catch (IOException | RuntimeException unreadable) {
            out.println("cannot read " + args[1] + ": " + unreadable.getMessage());
            return 2;
        }
    }
}
