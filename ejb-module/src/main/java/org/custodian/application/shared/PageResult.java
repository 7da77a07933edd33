package org.custodian.application.shared;

import java.util.List;

/** One page of results; {@code page} counts from 0. */
public record PageResult<T>(List<T> items, int page, int size, long total) implements java.io.Serializable {
}
