package org.custodian.interfaces.rest.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The hand-kept list of public paths is the list of the {@code @PublicEndpoint} resources' paths, no more. */
class PublicPathsTest {

    @Test
    void everyPublicResourceIsListedAndNothingElse() {
        Set<String> annotated = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.custodian.interfaces.rest")) {
            if (type.isAnnotatedWith(PublicEndpoint.class) && type.isAnnotatedWith(Path.class)) {
                annotated.add(type.getAnnotationOfType(Path.class).value().replaceAll("^/|/$", ""));
            }
            type.getMethods().stream().filter(method -> method.isAnnotatedWith(PublicEndpoint.class))
                    .forEach(method -> annotated.add((type.isAnnotatedWith(Path.class)
                            ? type.getAnnotationOfType(Path.class).value() : "").replaceAll("^/|/$", "")));
        }
        assertEquals(annotated, new TreeSet<>(PublicPaths.PATHS));
    }
}
