package org.incidentatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.incidentatlas.incidents.DatePrecision;
import org.junit.jupiter.api.Test;

class DateResolverTest {

    private static final LocalDate THURSDAY = LocalDate.of(2023, 6, 15);

    private static List<DateMention> find(String text, LocalDate anchor) {
        return DateResolver.find(text, 0, text.length(), anchor, null);
    }

    private static DateMention only(String text, LocalDate anchor) {
        List<DateMention> found = find(text, anchor);
        assertThat(found).as(text).hasSize(1);
        return found.get(0);
    }

    @Test
    void explicitDatesInCommonForms() {
        assertThat(only("The report is dated 2023-06-14.", THURSDAY).date()).isEqualTo("2023-06-14");
        assertThat(only("Fire was reported on 14.06.2023 at dawn.", THURSDAY).date()).isEqualTo("2023-06-14");
        assertThat(only("Posts came under fire on May 30, 2022, officials said.", THURSDAY).date()).isEqualTo("2022-05-30");
        assertThat(only("Fighting resumed on 2 June 2021.", THURSDAY).date()).isEqualTo("2021-06-02");
        DateMention night = only("On the night of June 11 two soldiers were hurt.", THURSDAY);
        assertThat(night.date()).isEqualTo("2023-06-11");
        assertThat(night.precision()).isEqualTo(DatePrecision.DAY);
        assertThat(only("Обстрел начался 12 июня.", THURSDAY).date()).isEqualTo("2023-06-12");
    }

    @Test
    void theYearIsInferredFromThePublicationDate() {
        assertThat(only("The post was hit on June 10.", THURSDAY).date()).isEqualTo("2023-06-10");
        // a day well after publication means last year's
        assertThat(only("Shots were fired on December 28.", THURSDAY).date()).isEqualTo("2022-12-28");
        // a few days ahead stays this year: a scheduled meeting
        assertThat(only("Talks will resume on June 19.", THURSDAY).date()).isEqualTo("2023-06-19");
    }

    @Test
    void weekdaysAndRelativeExpressionsResolveAgainstThePublicationDate() {
        assertThat(only("Troops opened fire on Tuesday.", THURSDAY).date()).isEqualTo("2023-06-13");
        assertThat(only("The clash began early on Thursday morning.", THURSDAY).date()).isEqualTo("2023-06-15");
        assertThat(only("A drone struck the depot yesterday.", THURSDAY).date()).isEqualTo("2023-06-14");
        assertThat(only("Shelling was recorded two days ago.", THURSDAY).date()).isEqualTo("2023-06-13");
        DateMention since = only("Both sides have traded fire since Monday.", THURSDAY);
        assertThat(since.date()).isEqualTo("2023-06-12");
        assertThat(since.end()).isEqualTo("2023-06-15");
        assertThat(since.precision()).isEqualTo(DatePrecision.WEEK);
        DateMention week = only("Several posts were hit last week.", THURSDAY);
        assertThat(week.precision()).isEqualTo(DatePrecision.WEEK);
        assertThat(only("A second soldier died the same day.", THURSDAY).kind()).isEqualTo(DateMention.Kind.SAME_DAY);
        assertThat(only("Two mines went off a day earlier.", THURSDAY).kind()).isEqualTo(DateMention.Kind.DAY_BEFORE);
    }

    @Test
    void monthsYearsAndDecadesAreCoarse() {
        DateMention month = only("The village was shelled in March 2022.", THURSDAY);
        assertThat(month.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(month.end()).isEqualTo("2022-03-31");
        DateMention year = only("The war broke out in 1992.", THURSDAY);
        assertThat(year.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(only("The war of 1992-1994 displaced many.", THURSDAY).end()).isEqualTo("1994-12-31");
        assertThat(only("Fighting has flared up since the 1990s.", THURSDAY).kind()).isEqualTo(DateMention.Kind.RETROSPECTIVE);
        assertThat(only("Tension grew last summer.", THURSDAY).kind()).isEqualTo(DateMention.Kind.RETROSPECTIVE);
    }

    @Test
    void withoutAPublicationDateNoDayIsInvented() {
        assertThat(only("Troops opened fire on Tuesday.", null).resolved()).isFalse();
        assertThat(only("A drone struck the depot yesterday.", null).resolved()).isFalse();
        assertThat(only("The post was hit on June 10.", null).resolved()).isFalse();
        assertThat(only("The post was hit on June 10, 2021.", null).date()).isEqualTo("2021-06-10");
    }

    @Test
    void timesAndCountsAreNoDates() {
        assertThat(find("At 23:40 three posts fired 120 rounds.", THURSDAY)).isEmpty();
    }
}
