package vn.ocop.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request that meets an unreachable database (PostgreSQL restarting or refusing connections, a connection cut, the
 * pool unable to hand one out in time) answers 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After}, not an
 * opaque 500: nothing was committed, and the same request (with the same {@code Idempotency-Key}) can be sent again.
 * Mapped on {@link RuntimeException}, so it sees exactly the failures no more specific mapper claims (the persistence
 * layer wraps the JDBC error at varying depths); anything else still gets the generic 500 of {@link ProblemMappers}.
 */
public class DatabaseUnavailableMapper {
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    /** Seconds a client should wait: about what a PostgreSQL restart or a pool reconnect takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response databaseUnavailable(RuntimeException e, UriInfo uri) {
        if (!unreachable(e)) {
            return new ProblemMappers().unexpected(e, uri);
        }
        LOG.warnf("Database unreachable, answered 503: %s", rootMessage(e));
        return Response.fromResponse(ProblemMappers.respond(Problem.of(503, "DATABASE_UNAVAILABLE", "Service unavailable",
                        "The database cannot be reached just now; nothing was saved. Retry in a few seconds"
                                + " (with the same Idempotency-Key for a write)."), uri))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** True when the cause chain shows a connection failure rather than a refused or broken statement. */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && connectionFailure(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return state.startsWith("08")                       // connection exception (refused, broken, I/O error)
                || state.startsWith("57P")                  // admin/crash shutdown, cannot connect now
                || state.equals("53300")                    // too many connections (CONNECTION LIMIT reached)
                || (state.equals("55000") && message.contains("accepting connections")) // ALLOW_CONNECTIONS false
                || message.contains("acquisition timeout");  // Agroal: no connection within the pool's timeout
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
