package vn.ocop.platform.paging;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <E, T> Page<T> of(PanacheQuery<E> query, PageRequest request, Function<E, T> mapper) {
        return ofPage(query, request, entities -> entities.stream().map(mapper).toList());
    }

    /**
     * As {@link #of}, the page's entities mapped together, so that a view needing related rows loads them for the whole
     * page in one query instead of one per item.
     */
    public static <E, T> Page<T> ofPage(PanacheQuery<E> query, PageRequest request, Function<List<E>, List<T>> mapper) {
        List<T> items = mapper.apply(query.page(request.page(), request.size()).list());
        return new Page<>(items, request.page(), request.size(), query.count());
    }
}
