package vn.ocop.registry;

import java.util.ArrayList;
import java.util.Collections;
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
    /** Statements of the import worker threads while recording ({@link #recordImports}), else null. */
    private static volatile List<String> imports;

    @Override
    public String inspect(String sql) {
        List<String> importing = imports;
        if (importing != null && Thread.currentThread().getName().startsWith("ocop-import-")) {
            importing.add(sql);
        }
        if (Arc.container().requestContext().isActive()) {
            CurrentVertxRequest current = Arc.container().instance(CurrentVertxRequest.class).get();
            String id = current.getCurrent() == null ? null : current.getCurrent().request().getHeader(HEADER);
            if (id != null) {
                BY_REQUEST.computeIfAbsent(id, k -> new ArrayList<>()).add(sql);
            }
        }
        return sql;
    }

    /** From now on, records the statements the import worker threads send, until {@link #importStatements}. */
    public static void recordImports() {
        imports = Collections.synchronizedList(new ArrayList<>());
    }

    /** The statements the import worker threads sent since {@link #recordImports}; stops recording. */
    public static List<String> importStatements() {
        List<String> recorded = imports;
        imports = null;
        return recorded == null ? List.of() : List.copyOf(recorded);
    }

    /** The statements of the request sent with {@value #HEADER}: {@code id}, in order. */
    public static List<String> of(String id) {
        List<String> statements = BY_REQUEST.remove(id);
        return statements == null ? List.of() : statements;
    }
}
