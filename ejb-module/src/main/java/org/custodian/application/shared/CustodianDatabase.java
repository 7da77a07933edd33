package org.custodian.application.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.inject.Qualifier;

/**
 * The Custodian database's {@code DataSource}, defined by the server (server-config/) and found under whichever
 * name that server binds it: inject {@code @Inject @CustodianDatabase DataSource} instead of
 * {@code @Resource(lookup = ...)}, whose name no two servers read alike (see docs/deploy.md).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface CustodianDatabase {
}
