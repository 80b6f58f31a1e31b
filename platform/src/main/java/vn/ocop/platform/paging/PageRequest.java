package vn.ocop.platform.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import vn.ocop.platform.web.QueryParams;

/**
 * {@code ?page=&size=} of every list operation. Read as text so that {@code page=abc} is a 400 problem naming the
 * parameter (JAX-RS would answer a failed number conversion of a query parameter with 404). The rows skipped
 * ({@code page × size}) are capped at {@value #MAX_OFFSET}: deeper offsets cost the database a scan of every skipped
 * row and would overflow an int; a client that needs more narrows the list with its filters.
 */
public class PageRequest {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** The most rows a page may skip: {@code page × size ≤ 100 000}. */
    public static final int MAX_OFFSET = 100_000;

    @QueryParam("page")
    @Parameter(description = "Page number, 0-based; page × size may not exceed 100000", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "20"))
    String size;

    public PageRequest() {
    }

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = Integer.toString(page);
        request.size = Integer.toString(size);
        return request;
    }

    public int page() {
        return parse("page", page, 0, 0, MAX_OFFSET / size());
    }

    /** The rows this page skips; never more than {@value #MAX_OFFSET}. */
    public int offset() {
        return page() * size();
    }

    /** Checks both parameters now (400 naming the bad one), before anything else about the request is looked up. */
    public PageRequest validated() {
        offset();
        return this;
    }

    public int size() {
        return parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
    }

    private static int parse(String name, String raw, int defaultValue, int min, int max) {
        Integer value = QueryParams.intValue(name, raw, min, max);
        return value == null ? defaultValue : value;
    }
}
