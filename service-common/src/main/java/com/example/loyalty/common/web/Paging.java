package com.example.loyalty.common.web;

import java.util.Optional;

/**
 * Page-numbered lists, bounded. Every {@code page} query parameter is validated with {@code @Max(Paging.MAX_PAGE)} (a
 * 400 problem naming it, and {@code maximum} in the OpenAPI document), so that {@code page × size} stays far below
 * {@link Integer#MAX_VALUE} for every page size the services allow (at most 1000). Before, {@code
 * page=107374183&size=20} overflowed the row offset into a negative number and answered 500.
 *
 * <p>The arithmetic is overflow-safe on its own too: {@link #window} computes in {@code long} and says when a page lies
 * beyond what an {@code int}-indexed query can reach, which callers answer as an empty page.
 */
public final class Paging {

    /** Highest page index any list accepts. */
    public static final int MAX_PAGE = 100_000;

    private Paging() {}

    /** The rows of one page, {@code first} to {@code last} inclusive, as Panache's {@code range} takes them. */
    public record Window(int first, int last) {}

    /**
     * The rows of page {@code page} (from 0) of {@code size} rows; empty when the page starts or ends beyond {@link
     * Integer#MAX_VALUE}, where no list has rows.
     *
     * @throws IllegalArgumentException for a negative page or a size below 1 (the resources validate both first)
     */
    public static Optional<Window> window(int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be ≥ 0 and size ≥ 1, were " + page + " and " + size);
        }
        long first = (long) page * size;
        long last = first + size - 1;
        if (last > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new Window((int) first, (int) last));
    }

    /** The row offset of page {@code page} of {@code size} rows, computed without overflow. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
