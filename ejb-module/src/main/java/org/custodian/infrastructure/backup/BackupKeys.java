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
import org.eclipse.microprofile.config.Config;

/**
 * The OpenPGP keys of backups, from MicroProfile Config (environment variables override). Keys are parsed when
 * first needed, so a server without backup keys still starts and a backup then fails saying which setting is
 * missing.
 */
@ApplicationScoped
public class BackupKeys {

    private static final String RECIPIENT_KEYS = "custodian.backup.recipient-keys";
    private static final String SIGNING_KEY = "custodian.backup.signing-key";
    private static final String SIGNING_KEY_PASSPHRASE = "custodian.backup.signing-key-passphrase";
    /** Public half of the signing key, for verification without it; derived from the signing key when unset. */
    private static final String VERIFY_KEY = "custodian.backup.verify-key";
    /** Only on a host that should test-decrypt sets during verification. */
    private static final String DECRYPTION_KEY = "custodian.backup.decryption-key";
    private static final String DECRYPTION_KEY_PASSPHRASE = "custodian.backup.decryption-key-passphrase";

    @Inject
    Config config;

    private volatile OpenPgpEnvelope envelope;
    private volatile OpenPgpSigner signer;
    private volatile OpenPgpVerifier verifier;

    public OpenPgpEnvelope envelope() {
        return configured(RECIPIENT_KEYS, this::loadEnvelope);
    }

    public OpenPgpSigner signer() {
        return configured(SIGNING_KEY, this::loadSigner);
    }

    public OpenPgpVerifier verifier() {
        return configured(VERIFY_KEY, this::loadVerifier);
    }

    public Optional<OpenPgpDecryptor> decryptor() {
        return configured(DECRYPTION_KEY, this::loadDecryptor);
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
            envelope = OpenPgpEnvelope.forRecipients(key(RECIPIENT_KEYS).orElseThrow(() -> missing(RECIPIENT_KEYS,
                    "the operators' OpenPGP public keys that backups are encrypted to")));
        }
        return envelope;
    }

    private OpenPgpSigner loadSigner() {
        if (signer == null) {
            signer = OpenPgpSigner.fromSecretKey(key(SIGNING_KEY).orElseThrow(() -> missing(SIGNING_KEY,
                    "the OpenPGP secret key that signs backup manifests")), passphrase(SIGNING_KEY_PASSPHRASE));
        }
        return signer;
    }

    private OpenPgpVerifier loadVerifier() {
        if (verifier == null) {
            verifier = setting(VERIFY_KEY).map(OpenPgpVerifier::fromPublicKey)
                    .orElseGet(() -> OpenPgpVerifier.fromPublicKey(signer().armoredPublicKey()));
        }
        return verifier;
    }

    private Optional<OpenPgpDecryptor> loadDecryptor() {
        return key(DECRYPTION_KEY)
                .map(k -> OpenPgpDecryptor.fromSecretKey(k, passphrase(DECRYPTION_KEY_PASSPHRASE)));
    }

    /** A setting's value, read when a key is first needed; empty when unset or blank. */
    private Optional<String> setting(String property) {
        return config.getOptionalValue(property, String.class).filter(value -> !value.isBlank());
    }

    /** A key setting's key text (see {@link #keyText}). */
    private Optional<String> key(String property) {
        return setting(property).map(BackupKeys::keyText);
    }

    /** A passphrase setting, none when unset. */
    private char[] passphrase(String property) {
        return config.getOptionalValue(property, String.class).orElse("").toCharArray();
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
