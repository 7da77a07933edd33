package org.custodian.interfaces.rest.shared;

import java.util.function.Function;
import org.custodian.application.shared.PageResult;
import org.custodian.domain.shared.RuleCheck;

/**
 * The {@code page} (from 0) and {@code size} query parameters of a list. They arrive as text so that "size=abc" is a
 * 422 naming the field, not JAX-RS's 404; the ranges are the service's to check.
 */
public record Paging(int page, int size) {

    /** The two parameters, a blank one as its default (page 0, {@code defaultSize}); a bad one goes to the check. */
    public static Paging of(String page, String size, int defaultSize, RuleCheck check) {
        return new Paging(MergePatch.wholeNumber(page, 0, "page", check),
                MergePatch.wholeNumber(size, defaultSize, "size", check));
    }

    /** The same page with each item as the API shows it (e.g. a view's JSON body). */
    public static <T, R> PageResult<R> shown(PageResult<T> found, Function<? super T, R> item) {
        return new PageResult<>(found.items().stream().<R>map(item).toList(), found.page(), found.size(),
                found.total());
    }
}
