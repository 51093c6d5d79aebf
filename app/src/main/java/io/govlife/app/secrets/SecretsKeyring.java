package io.govlife.app.secrets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's secrets keys: the current one (sealing) and any previous ones (still opening, until the start-up
 * re-seal has moved every row to the current key). Each key is known by an id derived from it, written beside
 * what it sealed, so no configuration has to name ids. Configured as base64 of 32 bytes
 * ({@code govlife.secrets.key}, {@code GOVLIFE_SECRETS_KEY}); else generated once into the data directory,
 * readable by its owner only. README ("The secrets key") says how to set and rotate it.
 */
final class SecretsKeyring {

    static final String KEY_FILE = "secrets.key";

    private final SecretKey current;
    private final Map<String, SecretKey> byId = new LinkedHashMap<>();

    SecretsKeyring(SecretKey current, List<SecretKey> previous) {
        this.current = current;
        byId.put(idOf(current), current);
        previous.forEach(key -> byId.putIfAbsent(idOf(key), key));
    }

    /** From configuration when a key is given there; otherwise the data directory's, made on first start. */
    public static SecretsKeyring load(String configuredKey, List<String> previousKeys, Path dataDir) {
        SecretKey current = configuredKey == null || configuredKey.isBlank()
                ? fromFile(dataDir.resolve(KEY_FILE)) : parse(configuredKey, "govlife.secrets.key");
        List<SecretKey> previous = new ArrayList<>();
        for (String key : previousKeys == null ? List.<String>of() : previousKeys) {
            if (!key.isBlank()) {
                previous.add(parse(key, "govlife.secrets.previous-keys"));
            }
        }
        return new SecretsKeyring(current, previous);
    }

    public SecretKey current() {
        return current;
    }

    public String currentId() {
        return idOf(current);
    }

    /** The key with this id, or null when none configured has it. */
    SecretKey byId(String id) {
        return byId.get(id);
    }

    /** Current first. */
    List<SecretKey> all() {
        return List.copyOf(byId.values());
    }

    static String idOf(SecretKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("govlife key id\n".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key.getEncoded()), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SecretKey parse(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes (AES-256) in base64, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Reads the key file, writing a new key first when there is none. The new key is written to a private temporary
     * file and linked into place, which fails if another node sharing the directory got there first: then its key is
     * read, so two nodes starting together never end up with two keys.
     */
    private static SecretKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path draft = ownerOnly(file.resolveSibling(KEY_FILE + "." + ProcessHandle.current().pid() + ".new"));
                Files.writeString(draft, newKey() + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException another) {
                    // another node wrote its key first; that one is ours too
                } catch (UnsupportedOperationException noLinks) {
                    Files.move(draft, file);
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
        }
    }

    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }
}
