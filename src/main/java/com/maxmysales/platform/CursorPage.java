package com.maxmysales.platform;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list the API returns newest first. {@code nextCursor} is opaque to clients: pass it back
 * as {@code cursor} to get the next page; it is null on the last page. Keyset pagination, so a page is as
 * fast on row 1,000,000 as on row 1 and rows inserted meanwhile are neither skipped nor repeated.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from up to {@code limit + 1} rows fetched by the caller: the extra row only tells that
     * another page exists.
     */
    public static <T> CursorPage<T> of(List<T> rowsPlusOne, int limit, Function<T, String> cursorOf) {
        if (rowsPlusOne.size() <= limit) {
            return new CursorPage<>(rowsPlusOne, null);
        }
        var items = rowsPlusOne.subList(0, limit);
        return new CursorPage<>(List.copyOf(items), cursorOf.apply(items.getLast()));
    }

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw Refusal.invalid("invalid-page-limit",
                    "Invalid page limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
