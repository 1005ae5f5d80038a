package coop.mutua.billing.application;

import coop.mutua.kernel.GroupementId;
import java.util.List;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gap-free, chronological series of invoice and credit-note numbers, one per groupement and year ("2026-00042").
 * A number is taken by incrementing the series' row inside the issuing transaction: the row stays locked until that
 * transaction ends, so concurrent issuers take turns, and a rollback gives the number back. Never a database sequence
 * (sequences skip numbers on rollback).
 */
@Component
public class InvoiceNumberSeries {

    private final JdbcClient jdbc;

    InvoiceNumberSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(GroupementId groupementId, int year) {
        long number = jdbc.sql("""
                INSERT INTO invoice_series (groupement_id, year, last_number) VALUES (:groupement, :year, 1)
                ON CONFLICT (groupement_id, year) DO UPDATE SET last_number = invoice_series.last_number + 1
                RETURNING last_number""")
                .param("groupement", groupementId.value()).param("year", year)
                .query(Long.class).single();
        return format(year, number);
    }

    /**
     * The next {@code count} numbers of the series, in order, taken at once inside the issuing transaction (one statement
     * for a chunk of invoices); a rollback gives them all back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> next(GroupementId groupementId, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        long last = jdbc.sql("""
                INSERT INTO invoice_series (groupement_id, year, last_number) VALUES (:groupement, :year, :count)
                ON CONFLICT (groupement_id, year) DO UPDATE SET last_number = invoice_series.last_number + :count
                RETURNING last_number""")
                .param("groupement", groupementId.value()).param("year", year).param("count", count)
                .query(Long.class).single();
        return LongStream.rangeClosed(last - count + 1, last).mapToObj(number -> format(year, number)).toList();
    }

    public static String format(int year, long number) {
        return year + "-" + String.format("%05d", number);
    }
}
