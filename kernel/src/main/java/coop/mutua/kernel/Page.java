package coop.mutua.kernel;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the size of the whole list. */
public record Page<T>(List<T> items, long total, Paging paging) {

    public Page {
        items = List.copyOf(items);
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
