package org.custodian.infrastructure.backup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.custodian.application.backup.BackupConfiguration;
import org.custodian.application.shared.NotConfiguredException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenPGP keys of backups, from MicroProfile Config (environment variables override). Keys are parsed when
 * first needed, so a server without backup keys still starts and a backup then fails saying which setting is
 * missing.
 */
@ApplicationScoped
public class BackupKeys {

    @Inject
    @ConfigProperty(name = "custodian.backup.recipient-keys")
    Optional<String> recipientKeys;

    @Inject
    @ConfigProperty(name = "custodian.backup.signing-key")
    Optional<String> signingKey;

    @Inject
    @ConfigProperty(name = "custodian.backup.signing-key-passphrase")
    Optional<String> signingKeyPassphrase;

    /** Public half of the signing key, for verification without it; derived from the signing key when unset. */
    @Inject
    @ConfigProperty(name = "custodian.backup.verify-key")
    Optional<String> verifyKey;

    /** Only on a host that should test-decrypt sets during verification. */
    @Inject
    @ConfigProperty(name = "custodian.backup.decryption-key")
    Optional<String> decryptionKey;

    @Inject
    @ConfigProperty(name = "custodian.backup.decryption-key-passphrase")
    Optional<String> decryptionKeyPassphrase;

    private volatile OpenPgpEnvelope envelope;
    private volatile OpenPgpSigner signer;
    private volatile OpenPgpVerifier verifier;

    public OpenPgpEnvelope envelope() {
        return configured("custodian.backup.recipient-keys", this::loadEnvelope);
    }

    public OpenPgpSigner signer() {
        return configured("custodian.backup.signing-key", this::loadSigner);
    }

    public OpenPgpVerifier verifier() {
        return configured("custodian.backup.verify-key", this::loadVerifier);
    }

    public Optional<OpenPgpDecryptor> decryptor() {
        return configured("custodian.backup.decryption-key", this::loadDecryptor);
    }

    /** A key that does not parse is a configuration problem (503 naming the setting), not a server error. */
    private static <T> T configured(String property, Supplier<T> load) {
        try {
            return load.get();
        } catch (IllegalArgumentException e) {
            throw new NotConfiguredException(property + " (" + BackupConfiguration.environmentName(property)
                    + ") is not usable: " + e.getMessage());
        }
    }

    private OpenPgpEnvelope loadEnvelope() {
        if (envelope == null) {
            envelope = OpenPgpEnvelope.forRecipients(recipientKeys.filter(k -> !k.isBlank()).map(BackupKeys::keyText)
                    .orElseThrow(() -> missing("custodian.backup.recipient-keys",
                            "the operators' OpenPGP public keys that backups are encrypted to")));
        }
        return envelope;
    }

    private OpenPgpSigner loadSigner() {
        if (signer == null) {
            signer = OpenPgpSigner.fromSecretKey(signingKey.filter(k -> !k.isBlank()).map(BackupKeys::keyText)
                    .orElseThrow(() -> missing("custodian.backup.signing-key",
                            "the OpenPGP secret key that signs backup manifests")),
                    signingKeyPassphrase.orElse("").toCharArray());
        }
        return signer;
    }

    private OpenPgpVerifier loadVerifier() {
        if (verifier == null) {
            verifier = verifyKey.filter(k -> !k.isBlank()).map(OpenPgpVerifier::fromPublicKey)
                    .orElseGet(() -> OpenPgpVerifier.fromPublicKey(signer().armoredPublicKey()));
        }
        return verifier;
    }

    private Optional<OpenPgpDecryptor> loadDecryptor() {
        return decryptionKey.filter(k -> !k.isBlank()).map(BackupKeys::keyText)
                .map(k -> OpenPgpDecryptor.fromSecretKey(k, decryptionKeyPassphrase.orElse("").toCharArray()));
    }

    /**
     * A key given inline (armored or one-line base64), or as {@code file:/path} to a file holding it: secret keys
     * are usually mounted as files rather than put into the environment.
     */
    static String keyText(String value) {
        if (!value.startsWith("file:")) {
            return value;
        }
        Path file = Path.of(value.substring("file:".length()));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new NotConfiguredException("cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    private static NotConfiguredException missing(String property, String what) {
        return new NotConfiguredException("backups need " + property + " (" + what + "); set it or the environment"
                + " variable " + BackupConfiguration.environmentName(property));
    }
}
