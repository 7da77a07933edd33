package org.custodian.interfaces.rest.shared;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.custodian.application.shared.Caller;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of this request, read from the verified token: {@code upn} is the
 * user, {@code groups} the roles, {@code region} the regions. Unknown role or region names are
 * ignored (least privilege), never guessed.
 */
@RequestScoped
public class CurrentCaller {

    @Inject
    JsonWebToken token;

    @Inject
    RequestCoordinates coordinates;

    public boolean isAuthenticated() {
        return token != null && token.getName() != null && token.getRawToken() != null;
    }

    public Caller get() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : token.getGroups()) {
            for (Role role : Role.values()) {
                if (role.name().equals(group)) {
                    roles.add(role);
                }
            }
        }
        Set<Region> regions = EnumSet.noneOf(Region.class);
        Optional<Object> claim = Optional.ofNullable(token.getClaim("region"));
        claim.ifPresent(value -> {
            if (value instanceof JsonArray array) {
                for (JsonValue item : array) {
                    if (item instanceof JsonString text) {
                        Region.parse(text.getString()).ifPresent(regions::add);
                    }
                }
            } else if (value instanceof Iterable<?> items) {
                items.forEach(item -> Region.parse(String.valueOf(item).replace("\"", "")).ifPresent(regions::add));
            } else {
                Region.parse(String.valueOf(value).replace("\"", "")).ifPresent(regions::add);
            }
        });
        return new Caller(token.getName(), roles, regions, coordinates.requestId(), coordinates.clientAddress());
    }

    public String requestId() {
        return coordinates.requestId();
    }

    public String clientAddress() {
        return coordinates.clientAddress();
    }
}
