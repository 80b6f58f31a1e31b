package vn.ocop.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Records the SQL statements an HTTP request sends through Hibernate (entity and native queries alike; a JDBC batch
 * counts once), for requests carrying the header {@value #HEADER}: the tests read them back by the header's value.
 * Statements of background work (the outbox relay, scheduled polls) are not counted: they carry no such request.
 */
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {
    public static final String HEADER = "X-Test-Statements";

    private static final Map<String, List<String>> BY_REQUEST = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        if (Arc.container().requestContext().isActive()) {
            CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
            String id = current.getCurrent() == null ? null : current.getCurrent().request().getHeader(HEADER);
            if (id != null) {
                BY_REQUEST.computeIfAbsent(id, k -> new ArrayList<>()).add(sql);
            }
        }
        return sql;
    }

    /** The statements of the request sent with {@value #HEADER}: {@code id}, in order. */
    public static List<String> of(String id) {
        List<String> statements = BY_REQUEST.remove(id);
        return statements == null ? List.of() : statements;
    }
}
