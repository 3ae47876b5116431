package org.incidentatlas.storage;

import java.sql.SQLException;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Picks out, before Spring's own translation, the two database errors the API answers as such: a
 * statement cancelled by the statement timeout (SQLSTATE 57014 on PostgreSQL and H2 alike), and a
 * data exception caused by a value of the request (class 22). Everything else goes to {@code next}.
 */
final class DatabaseErrorTranslator implements SQLExceptionTranslator {

    private final SQLExceptionTranslator next;
    private final DatabaseLimits limits;

    DatabaseErrorTranslator(SQLExceptionTranslator next, DatabaseLimits limits) {
        this.next = next;
        this.limits = limits;
    }

    @Override
    public DataAccessException translate(String task, String sql, SQLException ex) {
        String state = sqlState(ex);
        if ("57014".equals(state)) {
            return new StatementTimeoutException(limits.statementTimeout(), ex);
        }
        if (state != null && state.startsWith("22")) {
            return new InvalidValueException(firstLine(ex.getMessage()), ex);
        }
        return next.translate(task, sql, ex);
    }

    private static String sqlState(SQLException ex) {
        for (SQLException e = ex; e != null; e = e.getNextException()) {
            if (e.getSQLState() != null) {
                return e.getSQLState();
            }
        }
        return null;
    }

    /** The database's message without its SQL and position lines (H2 appends the statement). */
    private static String firstLine(String message) {
        if (message == null) {
            return "a value cannot be used";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int sql = line.indexOf("; SQL statement:");
        return (sql < 0 ? line : line.substring(0, sql)).strip();
    }
}
