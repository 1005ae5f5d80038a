package coop.mutua.platform.web;

import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A list answered one page at a time: the body stays a JSON array (the page's items), the size of the whole list is in
 * {@code X-Total-Count}, and the pages around it in {@code Link} (RFC 8288: first, prev, next, last), as GitHub's API
 * does, so that a client that follows {@code next} reads everything.
 */
public final class PagedLists {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PagedLists() {
    }

    public static <T> ResponseEntity<List<T>> of(Page<T> page) {
        List<String> links = new ArrayList<>();
        int size = page.paging().size();
        links.add(link(1, size, "first"));
        if (page.hasPrevious()) {
            links.add(link(Math.min(page.paging().page() - 1, page.lastPage()), size, "prev"));
        }
        if (page.hasNext()) {
            links.add(link(page.paging().page() + 1, size, "next"));
        }
        links.add(link(page.lastPage(), size, "last"));
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total()))
                .header(HttpHeaders.LINK, String.join(", ", links))
                .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, TOTAL_COUNT + ", " + HttpHeaders.LINK)
                .body(page.items());
    }

    /** A page's navigation on an HTML page: the addresses of the previous and next pages (null at either end). */
    public record Pager(Page<?> page, String previous, String next) {
    }

    /** The pages around this one, each the current page's address (its other parameters kept) with another page number. */
    public static Pager pager(Page<?> page) {
        int current = page.paging().page();
        return new Pager(page, page.hasPrevious() ? relative(Math.min(current - 1, page.lastPage())) : null,
                page.hasNext() ? relative(current + 1) : null);
    }

    /**
     * The page number a person's address asks for, leniently: anything but a number from 1 on is the first page (an
     * address typed by hand lands somewhere, never on an error).
     */
    public static Paging lenient(String page, int size) {
        try {
            long number = page == null ? 1 : Long.parseLong(page.strip());
            return new Paging((int) Math.max(1, Math.min(number, 1_000_000)), size);
        } catch (NumberFormatException e) {
            return Paging.first(size);
        }
    }

    /**
     * A page for a person: one past the end of the list (an old link, a number typed by hand) shows the last page
     * instead of an empty list that would read as "nothing yet".
     */
    public static <T> Page<T> orLast(Paging paging, Function<Paging, Page<T>> read) {
        Page<T> page = read.apply(paging);
        if (page.items().isEmpty() && paging.page() > 1 && page.total() > 0) {
            return read.apply(new Paging(page.lastPage(), paging.size()));
        }
        return page;
    }

    private static String relative(int page) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    /** The current request's address (its other parameters kept) with another page. */
    private static String link(int page, int size, String rel) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).replaceQueryParam("size", size)
                .build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
