package org.incidentatlas.storage;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
        this.streaming = streaming(jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * A template over the same pool that reads {@value #FETCH_SIZE} rows at a time from a cursor
     * (PostgreSQL streams only inside a transaction), with the same statement timeout and error
     * translation as the service's template.
     */
    public static JdbcTemplate streaming(JdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        streaming.setQueryTimeout(jdbc.getQueryTimeout());
        streaming.setExceptionTranslator(jdbc.getExceptionTranslator());
        return streaming;
    }

    /** How a table is paged: its name, the key column, the key as a bindable value, and the key of a row. */
    public record Table<T>(String name, String keyColumn, Function<String, Object> keyValue, Function<T, String> keyOf) {
    }

    /** One sort column (non-null values: coalesce in the expression), its direction, and how to read and bind its values. */
    public record SortKey<T>(String column, boolean descending, Function<T, String> valueOf, Function<String, Object> value) {
    }

    /**
     * An order other than the key's: sort columns, most significant first, then the table key as
     * tie-breaker in {@code keyDescending} order.
     */
    public record Sort<T>(List<SortKey<T>> keys, boolean keyDescending) {

        public Sort {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("a sort needs at least one column; page by the key with no sort");
            }
        }

        /** One sort column, the key following it in the same direction. */
        public Sort(String column, boolean descending, Function<T, String> valueOf, Function<String, Object> value) {
            this(List.of(new SortKey<>(column, descending, valueOf, value)), descending);
        }
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
                // the sort values are selected under aliases: a sort column need not be among the page's columns
                sql = "SELECT * FROM (SELECT " + columns + keyset.sortAliases() + " FROM " + table.name() + where.sql()
                        + " ORDER BY " + keyset.orderBy(true) + " LIMIT ?) page ORDER BY " + keyset.aliasedOrderBy();
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
            if (sort == null) {
                return table.keyColumn() + (reversed ? " DESC" : "");
            }
            List<String> terms = new ArrayList<>();
            for (SortKey<T> k : sort.keys()) {
                terms.add(k.column() + (k.descending() != reversed ? " DESC" : ""));
            }
            terms.add(table.keyColumn() + (sort.keyDescending() != reversed ? " DESC" : ""));
            return String.join(", ", terms);
        }

        /** ", c1 AS sort_1, …" for the sort columns (empty when paging by the key). */
        String sortAliases() {
            StringBuilder b = new StringBuilder();
            if (sort != null) {
                for (int i = 0; i < sort.keys().size(); i++) {
                    b.append(", ").append(sort.keys().get(i).column()).append(" AS sort_").append(i + 1);
                }
            }
            return b.toString();
        }

        /** The forward order over the aliases of {@link #sortAliases()} and the key. */
        String aliasedOrderBy() {
            if (sort == null) {
                return orderBy(false);
            }
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < sort.keys().size(); i++) {
                terms.add("sort_" + (i + 1) + (sort.keys().get(i).descending() ? " DESC" : ""));
            }
            terms.add(table.keyColumn() + (sort.keyDescending() ? " DESC" : ""));
            return String.join(", ", terms);
        }

        /** A row's position: its sort values (URL-encoded, so the separator cannot occur in them) and key. */
        String positionOf(T row) {
            if (sort == null) {
                return table.keyOf().apply(row);
            }
            StringBuilder b = new StringBuilder();
            for (SortKey<T> k : sort.keys()) {
                b.append(URLEncoder.encode(k.valueOf().apply(row), StandardCharsets.UTF_8)).append(SEPARATOR);
            }
            return b.append(table.keyOf().apply(row)).toString();
        }

        /** The rows after (or before) the cursor's position in this ordering. */
        SqlWhere beyond(SqlWhere filter, PageCursor cursor) {
            boolean towardsEnd = !cursor.backwards();
            if (sort == null) {
                String op = (towardsEnd ? ">" : "<") + (cursor.inclusive() ? "=" : "");
                return filter.and(table.keyColumn() + " " + op + " ?", table.keyValue().apply(cursor.key()));
            }
            String[] parts = cursor.key().split("\\" + SEPARATOR, -1);
            if (parts.length != sort.keys().size() + 1) {
                throw new IllegalArgumentException("cursor does not belong to this sort order");
            }
            List<String> columns = new ArrayList<>();
            List<Boolean> descending = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < sort.keys().size(); i++) {
                SortKey<T> k = sort.keys().get(i);
                columns.add(k.column());
                descending.add(k.descending());
                values.add(k.value().apply(URLDecoder.decode(parts[i], StandardCharsets.UTF_8)));
            }
            columns.add(table.keyColumn());
            descending.add(sort.keyDescending());
            values.add(table.keyValue().apply(parts[parts.length - 1]));
            String inclusive = cursor.inclusive() ? "=" : "";
            if (descending.stream().distinct().count() == 1) {
                // one direction: a row-value comparison, which an index on the same columns serves
                boolean greater = towardsEnd != descending.get(0);
                return filter.and("(" + String.join(", ", columns) + ") " + (greater ? ">" : "<") + inclusive + " ("
                        + SqlWhere.placeholders(columns.size()) + ")", values.toArray());
            }
            // mixed directions: (a beyond) OR (a equal AND b beyond) OR … with the key last
            List<String> alternatives = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                List<String> terms = new ArrayList<>();
                for (int j = 0; j < i; j++) {
                    terms.add(columns.get(j) + " = ?");
                    args.add(values.get(j));
                }
                boolean greater = towardsEnd != descending.get(i);
                boolean last = i == columns.size() - 1;
                terms.add(columns.get(i) + " " + (greater ? ">" : "<") + (last ? inclusive : "") + " ?");
                args.add(values.get(i));
                alternatives.add("(" + String.join(" AND ", terms) + ")");
            }
            return filter.and("(" + String.join(" OR ", alternatives) + ")", args.toArray());
        }
    }
}
