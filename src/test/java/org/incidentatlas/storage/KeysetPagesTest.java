package org.incidentatlas.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.incidentatlas.filter.PageCursor;
import org.incidentatlas.filter.PageSlice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Keyset paging on its own, over a small table with ties in the sort column: walking the next links visits every
 * row once in the query's order, walking prev links back gives the same pages, a filter narrows both, and a cursor
 * from another sort order is refused.
 */
class KeysetPagesTest {

    private record Row(long id, int rank, String name) {
    }

    private static final KeysetPages.Table<Row> TABLE = new KeysetPages.Table<>("ranked", "id", Long::parseLong,
            r -> Long.toString(r.id()));

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private KeysetPages pages;

    @BeforeEach
    void table() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:keyset-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE ranked (id BIGINT PRIMARY KEY, rank_value INTEGER NOT NULL, name VARCHAR(20) NOT NULL)");
        for (int id = 1; id <= 23; id++) {
            // few distinct ranks, so pages must break ties by id
            jdbc.update("INSERT INTO ranked VALUES (?, ?, ?)", id, id % 4, "n|" + (id % 5));
        }
        pages = new KeysetPages(jdbc, new DataSourceTransactionManager(dataSource));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private KeysetPages.Sort<Row> byRankDescending() {
        return new KeysetPages.Sort<>("rank_value", true, r -> Integer.toString(r.rank()), Integer::parseInt);
    }

    private KeysetPages.Sort<Row> byNameThenId() {
        return new KeysetPages.Sort<>("name", false, Row::name, v -> v);
    }

    private PageSlice page(KeysetPages.Sort<Row> sort, SqlWhere filter, PageCursor cursor, int limit, List<Long> into) {
        return pages.page(TABLE, sort, "id, rank_value, name", filter, cursor, limit,
                (rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3)), r -> into.add(r.id()));
    }

    private List<Long> expected(String orderBy, String where) {
        return jdbc.queryForList("SELECT id FROM ranked" + where + " ORDER BY " + orderBy, Long.class);
    }

    @Test
    void nextLinksVisitEveryRowOnceInOrderAndPrevLinksComeBack() {
        for (KeysetPages.Sort<Row> sort : List.of(byRankDescending(), byNameThenId())) {
            KeysetPages.SortKey<Row> key = sort.keys().get(0);
            String orderBy = key.column() + (key.descending() ? " DESC" : "") + ", id" + (sort.keyDescending() ? " DESC" : "");
            List<List<Long>> forward = new ArrayList<>();
            PageCursor cursor = null;
            PageSlice slice;
            do {
                List<Long> ids = new ArrayList<>();
                slice = page(sort, SqlWhere.NONE, cursor, 5, ids);
                assertThat(slice.returned()).isEqualTo(ids.size());
                forward.add(ids);
                cursor = slice.next();
            } while (cursor != null);
            assertThat(forward.stream().flatMap(List::stream).toList()).isEqualTo(expected(orderBy, ""));
            assertThat(forward).hasSize(5);
            assertThat(forward.get(4)).hasSize(3);

            // from the last page back to the first through prev links: the same pages
            List<List<Long>> backward = new ArrayList<>();
            for (PageCursor back = slice.previous(); back != null; ) {
                List<Long> ids = new ArrayList<>();
                back = page(sort, SqlWhere.NONE, back, 5, ids).previous();
                backward.add(ids);
            }
            Collections.reverse(backward);
            assertThat(backward).isEqualTo(forward.subList(0, 4));
        }
    }

    @Test
    void aFilterNarrowsThePagesAndTheLastPageHasNoNext() {
        SqlWhere odd = SqlWhere.NONE.and("MOD(id, 2) = ?", 1);
        List<Long> all = new ArrayList<>();
        PageCursor cursor = null;
        int pagesWalked = 0;
        do {
            PageSlice slice = page(byRankDescending(), odd, cursor, 4, all);
            cursor = slice.next();
            pagesWalked++;
        } while (cursor != null);
        assertThat(all).isEqualTo(expected("rank_value DESC, id DESC", " WHERE MOD(id, 2) = 1"));
        assertThat(pagesWalked).isEqualTo(3);
    }

    @Test
    void pagingByTheKeyAloneNeedsNoSort() {
        List<Long> ids = new ArrayList<>();
        PageSlice first = pages.page(TABLE, "id, rank_value, name", SqlWhere.NONE, null, 10,
                (rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getString(3)), r -> ids.add(r.id()));
        assertThat(ids).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(first.previous()).isNull();
        assertThat(first.next()).isNotNull();
    }

    @Test
    void aCursorOfAnotherSortOrderIsRefused() {
        assertThatThrownBy(() -> page(byRankDescending(), SqlWhere.NONE, PageCursor.after("12"), 5, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sort order");
    }
}
