package org.incidentatlas.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keyset paging over one table, streamed: rows go to the sink as the cursor delivers them (in a
 * read-only transaction, so PostgreSQL honours the fetch size), then two index look-ups tell
 * whether rows exist before and after the page.
 */
public final class KeysetPages {

    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    public KeysetPages(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** How a table is paged: its name, the key column, the key as a bindable value, and the key of a row. */
    public record Table<T>(String name, String keyColumn, Function<String, Object> keyValue, Function<T, String> keyOf) {
    }

    public <T> PageSlice page(Table<T> table, String columns, SqlWhere filter, PageCursor cursor, int limit,
                              RowMapper<T> mapper, Consumer<T> sink) {
        return readOnly.execute(status -> {
            String key = table.keyColumn();
            SqlWhere where = cursor == null ? filter
                    : filter.and(key + cursor.comparison(), table.keyValue().apply(cursor.key()));
            String sql = "SELECT " + columns + " FROM " + table.name() + where.sql() + " ORDER BY " + key
                    + (cursor != null && cursor.backwards() ? " DESC" : "") + " LIMIT ?";
            if (cursor != null && cursor.backwards()) {
                sql = "SELECT * FROM (" + sql + ") page ORDER BY " + key;
            }
            List<Object> args = new ArrayList<>(where.args());
            args.add(limit);
            List<String> ends = new ArrayList<>(2);
            int[] returned = {0};
            streaming.query(sql, rs -> {
                T row = mapper.mapRow(rs, returned[0]);
                String k = table.keyOf().apply(row);
                if (ends.isEmpty()) {
                    ends.add(k);
                    ends.add(k);
                } else {
                    ends.set(1, k);
                }
                returned[0]++;
                sink.accept(row);
            }, args.toArray());
            if (returned[0] == 0) {
                return emptyPage(table, filter, cursor);
            }
            PageCursor previous = exists(table, filter, " < ?", ends.get(0)) ? PageCursor.before(ends.get(0)) : null;
            PageCursor next = exists(table, filter, " > ?", ends.get(1)) ? PageCursor.after(ends.get(1)) : null;
            return new PageSlice(returned[0], previous, next);
        });
    }

    /** A page past either end still links back to the rows on the other side of its cursor. */
    private <T> PageSlice emptyPage(Table<T> table, SqlWhere filter, PageCursor cursor) {
        if (cursor == null) {
            return new PageSlice(0, null, null);
        }
        if (cursor.backwards()) {
            boolean after = exists(table, filter, cursor.inclusive() ? " > ?" : " >= ?", cursor.key());
            PageCursor rest = cursor.inclusive() ? PageCursor.after(cursor.key()) : PageCursor.after(cursor.key()).includingKey();
            return new PageSlice(0, null, after ? rest : null);
        }
        boolean before = exists(table, filter, cursor.inclusive() ? " < ?" : " <= ?", cursor.key());
        PageCursor rest = cursor.inclusive() ? PageCursor.before(cursor.key()) : PageCursor.before(cursor.key()).includingKey();
        return new PageSlice(0, before ? rest : null, null);
    }

    private <T> boolean exists(Table<T> table, SqlWhere filter, String comparison, String key) {
        SqlWhere where = filter.and(table.keyColumn() + comparison, table.keyValue().apply(key));
        return !jdbc.queryForList("SELECT 1 FROM " + table.name() + where.sql() + " LIMIT 1", Integer.class,
                where.args().toArray()).isEmpty();
    }
}
