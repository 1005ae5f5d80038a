package coop.mutua.kernel;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** One page of a list, with the size of the whole list. */
public record Page<T>(List<T> items, long total, Paging paging) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * A page read with LIMIT and OFFSET: a short page that has items (or is the first) ends the list, so its size is
     * known without counting; otherwise {@code countAll} counts the whole list.
     */
    public static <T> Page<T> of(List<T> items, Paging paging, LongSupplier countAll) {
        boolean endsTheList = items.size() < paging.size() && (paging.page() == 1 || !items.isEmpty());
        return new Page<>(items, endsTheList ? paging.offset() + items.size() : countAll.getAsLong(), paging);
    }

    /** The last page's number (1 for an empty list). */
    public int lastPage() {
        return (int) Math.max(1, (total + paging.size() - 1) / paging.size());
    }

    public boolean hasNext() {
        return paging.page() < lastPage();
    }

    public boolean hasPrevious() {
        return paging.page() > 1;
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), total, paging);
    }
}
