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
 * read-only transaction, so PostgreSQL honours the fetch size). Whether rows exist beyond the page
 * comes from one look-ahead row, and whether rows exist before it from an index look-up (skipped
 * on a first page). Pages follow the table key, or a sort column
 * with the key as tie-breaker; a cursor holds the sort value and key of the row it continues from,
 * compared as a row value so that an index on (sort column, key) serves the seek.
 */
public final class KeysetPages {

    private static final int FETCH_SIZE = 1000;
    private static final String SEPARATOR = "|";

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

    /** An order other than the key's: a sort column (non-null values), its direction, and how to read and bind its values. */
    public record Sort<T>(String column, boolean descending, Function<T, String> valueOf, Function<String, Object> value) {
    }

    public <T> PageSlice page(Table<T> table, String columns, SqlWhere filter, PageCursor cursor, int limit,
                              RowMapper<T> mapper, Consumer<T> sink) {
        return page(table, null, columns, filter, cursor, limit, mapper, sink);
    }

    public <T> PageSlice page(Table<T> table, Sort<T> sort, String columns, SqlWhere filter, PageCursor cursor, int limit,
                              RowMapper<T> mapper, Consumer<T> sink) {
        Keyset<T> keyset = new Keyset<>(table, sort);
        return readOnly.execute(status -> {
            boolean reversed = cursor != null && cursor.backwards();
            SqlWhere where = cursor == null ? filter : keyset.beyond(filter, cursor);
            String sql = "SELECT " + columns + " FROM " + table.name() + where.sql() + " ORDER BY " + keyset.orderBy(reversed)
                    + " LIMIT ?";
            if (reversed) {
                sql = "SELECT * FROM (" + sql + ") page ORDER BY " + keyset.orderBy(false);
            }
            // going forward, one row more than the page says whether a next page exists without a second query
            List<Object> args = new ArrayList<>(where.args());
            args.add(reversed ? limit : limit + 1);
            List<String> ends = new ArrayList<>(2);
            int[] returned = {0};
            boolean[] more = {false};
            streaming.query(sql, rs -> {
                if (returned[0] == limit) {
                    more[0] = true;
                    return;
                }
                T row = mapper.mapRow(rs, returned[0]);
                String position = keyset.positionOf(row);
                if (ends.isEmpty()) {
                    ends.add(position);
                    ends.add(position);
                } else {
                    ends.set(1, position);
                }
                returned[0]++;
                sink.accept(row);
            }, args.toArray());
            if (returned[0] == 0) {
                return emptyPage(keyset, filter, cursor);
            }
            PageCursor previous = PageCursor.before(ends.get(0));
            PageCursor next = PageCursor.after(ends.get(1));
            // the first page has nothing before it; only a page reached by a cursor needs to look
            boolean hasPrevious = cursor != null && exists(keyset, filter, previous);
            boolean hasNext = reversed ? exists(keyset, filter, next) : more[0];
            return new PageSlice(returned[0], hasPrevious ? previous : null, hasNext ? next : null);
        });
    }

    /** A page past either end still links back to the rows on the other side of its cursor. */
    private <T> PageSlice emptyPage(Keyset<T> keyset, SqlWhere filter, PageCursor cursor) {
        if (cursor == null) {
            return new PageSlice(0, null, null);
        }
        PageCursor back = cursor.backwards()
                ? (cursor.inclusive() ? PageCursor.after(cursor.key()) : PageCursor.after(cursor.key()).includingKey())
                : (cursor.inclusive() ? PageCursor.before(cursor.key()) : PageCursor.before(cursor.key()).includingKey());
        boolean rows = exists(keyset, filter, back);
        return cursor.backwards() ? new PageSlice(0, null, rows ? back : null) : new PageSlice(0, rows ? back : null, null);
    }

    private <T> boolean exists(Keyset<T> keyset, SqlWhere filter, PageCursor cursor) {
        SqlWhere where = keyset.beyond(filter, cursor);
        return !jdbc.queryForList("SELECT 1 FROM " + keyset.table.name() + where.sql() + " LIMIT 1", Integer.class,
                where.args().toArray()).isEmpty();
    }

    /** The ordering columns of one paged query and how cursors translate to conditions on them. */
    private static final class Keyset<T> {
        final Table<T> table;
        final Sort<T> sort;

        Keyset(Table<T> table, Sort<T> sort) {
            this.table = table;
            this.sort = sort;
        }

        String orderBy(boolean reversed) {
            boolean descending = (sort != null && sort.descending()) != reversed;
            String direction = descending ? " DESC" : "";
            return sort == null ? table.keyColumn() + direction
                    : sort.column() + direction + ", " + table.keyColumn() + direction;
        }

        String positionOf(T row) {
            return sort == null ? table.keyOf().apply(row) : sort.valueOf().apply(row) + SEPARATOR + table.keyOf().apply(row);
        }

        /** The rows after (or before) the cursor's position in this ordering. */
        SqlWhere beyond(SqlWhere filter, PageCursor cursor) {
            boolean towardsEnd = !cursor.backwards();
            boolean greater = towardsEnd != (sort != null && sort.descending());
            String op = (greater ? ">" : "<") + (cursor.inclusive() ? "=" : "");
            if (sort == null) {
                return filter.and(table.keyColumn() + " " + op + " ?", table.keyValue().apply(cursor.key()));
            }
            int split = cursor.key().lastIndexOf(SEPARATOR);
            if (split < 0) {
                throw new IllegalArgumentException("cursor does not belong to this sort order");
            }
            Object value = sort.value().apply(cursor.key().substring(0, split));
            Object key = table.keyValue().apply(cursor.key().substring(split + 1));
            return filter.and("(" + sort.column() + ", " + table.keyColumn() + ") " + op + " (?, ?)", value, key);
        }
    }
}
