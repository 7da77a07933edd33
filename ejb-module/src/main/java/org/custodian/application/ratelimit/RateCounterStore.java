package org.custodian.application.ratelimit;

import java.util.List;

/** Shared request counters: one per bucket and window, counted up atomically by whichever node serves a request. */
public interface RateCounterStore {

    /**
     * Counts one request in each bucket's window starting at {@code windowStart} (seconds since the epoch).
     *
     * @return the counts after this request, in the order of {@code buckets}
     */
    List<Long> hit(List<String> buckets, long windowStart);

    /** Forgets the windows that started before {@code windowStart}. */
    void forgetBefore(long windowStart);
}
