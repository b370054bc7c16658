package vn.ntm.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/** The RS256 key pair tokens are signed with: from a file when one is configured, else made at start. */
public final class SigningKey {

    private SigningKey() {
    }

    /** A fresh key: tokens of an earlier run are no longer valid. */
    public static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make a signing key", e);
        }
    }

    /**
     * The key kept in {@code file} (a private JWK), made and written there first if the file does not exist, readable
     * by its owner only: the local run restarts with the same key, so tokens issued before stay valid.
     */
    public static RSAKey loadOrCreate(Path file) {
        if (Files.notExists(file)) {
            RSAKey key = generate();
            try {
                write(file, key);
                return key;
            } catch (FileAlreadyExistsException raced) {
                // another start wrote it first: use that one
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the signing key to " + file, e);
            }
        }
        try {
            RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!key.isPrivate()) {
                throw new IllegalStateException(file + " holds a public key only; a signing key needs its private half");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not an RSA key in JWK form: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, RSAKey key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (directory != null) {
            Files.createDirectories(directory);
        }
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile directory already keeps it private
        }
    }
}
