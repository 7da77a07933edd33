package org.custodian.interfaces.web.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.domain.model.customer.Region;
import org.custodian.domain.model.user.Role;
import org.junit.jupiter.api.Test;

/**
 * #26: a portal session moves to another node by serialization, so everything it holds must serialize: the
 * session- and view-scoped beans' own fields (injected ones are the container's serializable proxies) and, through
 * their declared types, the records they keep (down to each component). An {@code Object} or a map of them is
 * taken on trust (service views fill them with strings, numbers and instants).
 */
class SessionStateSerializableTest {

    private final Set<String> problems = new TreeSet<>();
    private final Set<Class<?>> seen = new HashSet<>();

    @Test
    void everythingASessionHoldsSerializes() throws ClassNotFoundException {
        List<Class<?>> beans = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.custodian.interfaces.web")) {
            if (type.isAnnotatedWith(SessionScoped.class) || type.isAnnotatedWith(ViewScoped.class)
                    || type.isAnnotatedWith(ConversationScoped.class)) {
                beans.add(Class.forName(type.getName()));
            }
        }
        assertFalse(beans.size() < 30, "the portal's beans were found: " + beans);
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> type = bean; type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
                            && !field.isAnnotationPresent(Inject.class) && !field.isAnnotationPresent(EJB.class)) {
                        check(bean.getSimpleName() + "." + field.getName(), field.getGenericType());
                    }
                }
            }
        }
        assertEquals(Set.of(), problems, "types a session keeps that do not serialize");
    }

    @Test
    void theSignedInIdentitySerializes() throws Exception {
        PortalIdentity identity = new PortalIdentity("supervisor", "Sam Supervisor", Set.of(Role.SUPERVISOR),
                Set.of(Region.values()[0]), PortalIdentity.Stage.SECOND_FACTOR, Instant.now(), false);
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(identity);
            out.writeObject(new PortalIdentity.SingleSignOn("key", "id-token"));
        }
    }

    private void check(String where, Type type) {
        if (type instanceof Class<?> plain) {
            if (plain.isPrimitive() || plain == Object.class
                    || plain.isInterface() && plain.getName().startsWith("java.util.")) {
                return;
            }
            if (!Serializable.class.isAssignableFrom(plain)) {
                problems.add(where + ": " + plain.getName());
            } else if (plain.isRecord() && seen.add(plain)) {
                for (RecordComponent component : plain.getRecordComponents()) {
                    check(where + "." + component.getName(), component.getGenericType());
                }
            }
        } else if (type instanceof ParameterizedType parameterized) {
            check(where, parameterized.getRawType());
            for (Type argument : parameterized.getActualTypeArguments()) {
                check(where + "[]", argument);
            }
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                check(where, bound);
            }
        }
    }
}
