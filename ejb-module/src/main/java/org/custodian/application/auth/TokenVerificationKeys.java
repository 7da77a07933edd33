package org.custodian.application.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys this server verifies tokens with, as a JWKS for anyone who checks our tokens themselves: the current
 * signing key and the previous ones still accepted after a rotation. Only public parameters leave: a private one
 * set in the configuration by mistake is dropped, never published.
 */
@ApplicationScoped
public class TokenVerificationKeys {

    private static final List<String> PUBLIC_PARAMETERS = List.of("kty", "use", "alg", "kid", "n", "e", "crv", "x",
            "y");

    @Inject
    @ConfigProperty(name = "custodian.jwt.verify-keys")
    Optional<String> keys;

    /** Empty only when nothing is configured nor derivable (never on a running installation). */
    public Optional<JsonObject> jwks() {
        return keys.filter(text -> !text.isBlank()).map(String::trim).map(text -> text.startsWith("{")
                ? publicOnly(Json.createReader(new StringReader(text)).readObject())
                : JsonWebKeys.jwks(JsonWebKeys.publicKeys(text)));
    }

    private static JsonObject publicOnly(JsonObject configured) {
        List<JsonValue> entries = configured.containsKey("keys") ? configured.getJsonArray("keys")
                : List.of(configured);
        JsonArrayBuilder keys = Json.createArrayBuilder();
        for (JsonValue entry : entries) {
            JsonObject key = entry.asJsonObject();
            var only = Json.createObjectBuilder();
            PUBLIC_PARAMETERS.stream().filter(key::containsKey).forEach(name -> only.add(name, key.get(name)));
            keys.add(only);
        }
        return Json.createObjectBuilder().add("keys", keys).build();
    }
}
