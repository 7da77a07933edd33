package org.custodian.application.shared;

import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A 32-byte installation secret configured as base64 ({@code custodian.auth.second-factor-key},
 * {@code custodian.webhook.secret-key}): one reading and one check for each of them, so a bad value stops the
 * start with the same words whichever key it is, and an unset one leaves the feature off.
 */
public final class InstallationSecret {

    public static final int LENGTH = 32;

    private InstallationSecret() {
    }

    /** The configured key's bytes, or empty when {@code property} is unset or blank. */
    public static Optional<byte[]> read(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, String.class).filter(value -> !value.isBlank())
                .map(value -> {
                    try {
                        return Base64.getDecoder().decode(value.trim());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(property + " must be base64 of " + LENGTH + " bytes", e);
                    }
                });
    }

    /** {@code raw} itself, refused unless it has 32 bytes. */
    public static byte[] checked(byte[] raw, String property) {
        if (raw.length != LENGTH) {
            throw new IllegalStateException(property + " must be 32 bytes (base64 of 32 random bytes)");
        }
        return raw;
    }
}
