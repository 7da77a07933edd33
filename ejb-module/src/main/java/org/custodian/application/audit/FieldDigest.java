package org.custodian.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keyed hashes of personal values for the audit trail: a change to a personal field is recorded as
 * {@code field=hmac:…} (HMAC-SHA256 over "entity.field" and the new value, first 16 bytes), so an investigator
 * holding the key can confirm "was the e-mail changed to x?" while the trail itself never holds the value, and
 * nobody without the key can guess it from a dictionary.
 */
@ApplicationScoped
public class FieldDigest {

    @Inject
    @ConfigProperty(name = "custodian.audit.hmac-key")
    Optional<String> keyText;

    private SecretKeySpec key;

    @PostConstruct
    void loadKey() {
        keyText.filter(text -> !text.isBlank()).ifPresent(text -> {
            if (text.trim().length() < 32) {
                throw new IllegalStateException("custodian.audit.hmac-key must be at least 32 characters");
            }
            key = new SecretKeySpec(text.trim().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        });
    }

    /** {@code hmac:<32 hex>}, or {@code changed} when no key is configured (the value is never written). */
    public String of(String fieldKey, String value) {
        if (key == null) {
            return "changed";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(fieldKey.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
            return "hmac:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }
}
