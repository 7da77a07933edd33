package org.custodian.infrastructure.batch.repository;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A chunk reader's walk over ids in ascending order, read a page at a time after the last id handed out: that id
 * is the reader's checkpoint, so a restart reads on after it. A page shorter than the page size is the last.
 */
public final class IdPages {

    /** Reads up to {@code size} ids greater than {@code after}, ascending. */
    @FunctionalInterface
    public interface Source {
        List<Long> after(long after, int size);
    }

    private final int size;
    private final Deque<Long> buffer = new ArrayDeque<>();
    private long lastHandedOut;
    private boolean exhausted;

    public IdPages(int size) {
        this.size = size;
    }

    /** Starts again after {@code id} (0: from the first), forgetting what was read ahead. */
    public void restartAfter(long id) {
        lastHandedOut = id;
        buffer.clear();
        exhausted = false;
    }

    /** The next id, reading the next page from {@code source} when the last one is used up; null at the end. */
    public Long next(Source source) {
        if (buffer.isEmpty() && !exhausted) {
            buffer.addAll(source.after(lastHandedOut, size));
            exhausted = buffer.size() < size;
        }
        Long next = buffer.pollFirst();
        if (next != null) {
            lastHandedOut = next;
        }
        return next;
    }

    public long lastHandedOut() {
        return lastHandedOut;
    }

    /** A chunk's items as the ids this walk handed out. */
    public static List<Long> ids(List<Object> items) {
        List<Long> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add((Long) item));
        return ids;
    }
}
