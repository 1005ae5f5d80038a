package coop.mutua.kernel;

/**
 * One page of a list that grows with the years (rounds, supplier orders, invoices): page 1 is the first, {@code size}
 * items per page. Requests name them {@code page} and {@code size}; a value out of range is refused naming its field.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    /** Far beyond any real list; keeps the offset an int. */
    private static final int MAX_PAGE = 1_000_000;

    public Paging {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidFieldException("page", "paging.page", MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "paging.size", MAX_SIZE);
        }
    }

    /** From a request's optional parameters (absent: the first page, {@link #DEFAULT_SIZE} items). */
    public static Paging of(Long page, Long size) {
        return of(page, size, DEFAULT_SIZE);
    }

    /**
     * The same for a list of heavier items, with a smaller size when none is asked. Any whole number is read, so that
     * one too large is refused by its range like one too small.
     */
    public static Paging of(Long page, Long size, int defaultSize) {
        return new Paging(page == null ? 1 : within(page, "page", "paging.page", MAX_PAGE),
                size == null ? defaultSize : within(size, "size", "paging.size", MAX_SIZE));
    }

    private static int within(long value, String field, String code, int max) {
        if (value < 1 || value > max) {
            throw new InvalidFieldException(field, code, max);
        }
        return (int) value;
    }

    public static Paging first(int size) {
        return new Paging(1, size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
