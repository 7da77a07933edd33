package org.custodian.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The development JWT keys from server-config/src/test/dev-keys, for forging test tokens. */
final class DevKeys {

    private DevKeys() {
    }

    static RSAPrivateKey signingKey() throws IOException, GeneralSecurityException {
        return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pem("jwt-signing-key.pem")));
    }

    static RSAPublicKey verifyKey() throws IOException, GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(pem("jwt-verify-key.pem")));
    }

    private static byte[] pem(String name) throws IOException {
        String text = Files.readString(Path.of(System.getProperty("custodian.it.devkeys"), name));
        return Base64.getDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}
