package org.custodian.application.scim;

import java.util.List;

/** startIndex/count as RFC 7644 3.4.2.4 reads them: 1-based, below 1 means 1; count 0 gives totals only. */
final class ScimPages {

    static final int DEFAULT_COUNT = 100;

    private ScimPages() {
    }

    static ScimList page(List<ScimResource> all, Integer startIndex, Integer count) {
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? DEFAULT_COUNT : Math.max(0, Math.min(count, ScimList.MAX_RESULTS));
        int from = Math.min(all.size(), start - 1);
        int to = Math.min(all.size(), from + size);
        return new ScimList(all.size(), start, List.copyOf(all.subList(from, to)));
    }

    /** A SCIM id from the path: ours are whole numbers (users) or UUIDs (groups); anything else is not found. */
    static Long userId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(id);
    }
}
