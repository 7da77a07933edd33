package org.custodian.interfaces.rest.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most an endpoint reads of a request body, in KiB; larger bodies are refused with 413 before they are read
 * into memory ({@link BodyLimitFilter}). Without it an endpoint takes {@link #DEFAULT_KIB}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface BodyLimit {

    /** 1 MiB: far more than any JSON command of the API needs. */
    int DEFAULT_KIB = 1024;

    int kib();
}
