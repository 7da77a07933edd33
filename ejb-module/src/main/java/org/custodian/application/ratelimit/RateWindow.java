package org.custodian.application.ratelimit;

/**
 * Fixed-window arithmetic: the window of length {@code seconds} that holds instant {@code nowMillis}, and what a
 * client is told about it. Windows start at multiples of their length since the epoch, so every node agrees.
 */
public record RateWindow(long start, int seconds) {

    public RateWindow {
        if (seconds < 1) {
            throw new IllegalArgumentException("a window lasts at least one second");
        }
    }

    public static RateWindow at(long nowMillis, int seconds) {
        long nowSeconds = Math.floorDiv(nowMillis, 1000L);
        return new RateWindow(nowSeconds - Math.floorMod(nowSeconds, (long) seconds), seconds);
    }

    /** Whole seconds until the next window starts, at least 1 (the {@code t} of RateLimit and Retry-After). */
    public long resetSeconds(long nowMillis) {
        long endMillis = (start + seconds) * 1000L;
        return Math.max(1, (endMillis - nowMillis + 999) / 1000);
    }

    /** Requests left in this window after {@code hits} of {@code quota} (never below 0). */
    public static long remaining(long quota, long hits) {
        return Math.max(0, quota - hits);
    }
}
