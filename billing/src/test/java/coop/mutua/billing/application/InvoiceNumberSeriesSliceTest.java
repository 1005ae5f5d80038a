package coop.mutua.billing.application;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.kernel.GroupementId;
import coop.mutua.testsupport.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DOMAIN.md invariant 4 on the series itself, on PostgreSQL with billing's migrations: numbers are taken inside the
 * issuing transaction, so a rollback gives its number back, concurrent issuers take turns, and each groupement and year
 * has its own series.
 */
class InvoiceNumberSeriesSliceTest {

    static InvoiceNumberSeries series;
    static TransactionTemplate transaction;

    @BeforeAll
    static void database() {
        DataSource dataSource = TestDatabase.migrated();
        series = new InvoiceNumberSeries(JdbcClient.create(dataSource));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void aRolledBackNumberIsTakenAgainAndEachGroupementAndYearHasItsOwnSeries() {
        GroupementId gironde = GroupementId.random();
        GroupementId landes = GroupementId.random();
        assertThat(next(gironde, 2026)).isEqualTo("2026-00001");
        transaction.executeWithoutResult(status -> {
            assertThat(series.next(gironde, 2026)).isEqualTo("2026-00002");
            status.setRollbackOnly();
        });
        assertThat(next(gironde, 2026)).as("the rolled-back number, not a gap").isEqualTo("2026-00002");
        assertThat(next(landes, 2026)).isEqualTo("2026-00001");
        assertThat(next(gironde, 2027)).isEqualTo("2027-00001");
    }

    @Test
    void concurrentIssuersTakeTurnsWithoutGapOrDouble() throws Exception {
        GroupementId groupement = GroupementId.random();
        ExecutorService issuers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> taken = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean rollBack = i % 5 == 0;
                taken.add(issuers.submit(() -> transaction.execute(status -> {
                    String number = series.next(groupement, 2026);
                    if (rollBack) {
                        status.setRollbackOnly();
                        return null;
                    }
                    return number;
                })));
            }
            List<String> kept = new ArrayList<>();
            for (Future<String> number : taken) {
                if (number.get() != null) {
                    kept.add(number.get());
                }
            }
            Collections.sort(kept);
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= 32; n++) {
                expected.add(InvoiceNumberSeries.format(2026, n));
            }
            assertThat(kept).isEqualTo(expected);
        } finally {
            issuers.shutdownNow();
        }
    }

    /** A chunk's numbers, taken at once, follow on from single ones and are given back together by a rollback. */
    @Test
    void aChunksNumbersFollowOnAndARollbackGivesThemAllBack() throws Exception {
        GroupementId groupement = GroupementId.random();
        List<String> first = transaction.execute(status -> series.next(groupement, 2026, 3));
        assertThat(first).containsExactly("2026-00001", "2026-00002", "2026-00003");
        assertThat(next(groupement, 2026)).isEqualTo("2026-00004");
        transaction.executeWithoutResult(status -> {
            assertThat(series.next(groupement, 2026, 20)).hasSize(20).startsWith("2026-00005").endsWith("2026-00024");
            status.setRollbackOnly();
        });
        List<String> again = transaction.execute(status -> series.next(groupement, 2026, 2));
        assertThat(again).as("given back, not a gap").containsExactly("2026-00005", "2026-00006");
        // Chunks and single numbers taken concurrently, some rolled back: every number kept exactly once, none missing.
        ExecutorService issuers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> taken = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int count = 1 + i % 4;
                boolean rollBack = i % 7 == 0;
                taken.add(issuers.submit(() -> transaction.execute(status -> {
                    List<String> numbers = series.next(groupement, 2026, count);
                    if (rollBack) {
                        status.setRollbackOnly();
                        return List.<String>of();
                    }
                    return numbers;
                })));
            }
            List<String> kept = new ArrayList<>();
            for (Future<List<String>> numbers : taken) {
                kept.addAll(numbers.get());
            }
            Collections.sort(kept);
            List<String> expected = new ArrayList<>();
            for (int n = 7; n < 7 + kept.size(); n++) {
                expected.add(InvoiceNumberSeries.format(2026, n));
            }
            assertThat(kept).isEqualTo(expected);
        } finally {
            issuers.shutdownNow();
        }
    }

    private static String next(GroupementId groupement, int year) {
        return transaction.execute(status -> series.next(groupement, year));
    }
}
