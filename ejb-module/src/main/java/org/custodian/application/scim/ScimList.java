package org.custodian.application.scim;

import java.util.List;

/** One page of a query (RFC 7644 3.4.2.4): {@code startIndex} 1-based, {@code totalResults} over all pages. */
public record ScimList(long totalResults, int startIndex, List<ScimResource> resources) {

    /** The most a page holds (ServiceProviderConfig's filter.maxResults). */
    public static final int MAX_RESULTS = 200;
}
