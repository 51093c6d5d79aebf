package io.govlife.app.audit;

import io.govlife.query.audit.AuditChain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar govlife.jar verify-audit FILE}: checks an audit export's hash chain without starting the service,
 * and names the first line that was altered, removed or reordered. Exit status 0 when intact, 1 when broken, 2 when
 * the file cannot be read.
 */
public final class VerifyAuditCommand {

    public static final String NAME = "verify-audit";

    private VerifyAuditCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("usage: java -jar govlife.jar " + NAME + " FILE");
            return 2;
        }
        try {
            AuditChain.Verdict verdict = AuditChain.verify(Files.readAllLines(Path.of(args[1]),
                    StandardCharsets.UTF_8));
            out.println(verdict);
            return verdict.ok() ? 0 : 1;
        } catch (IOException | RuntimeException unreadable) {
            out.println("cannot read " + args[1] + ": " + unreadable.getMessage());
            return 2;
        }
    }
}
