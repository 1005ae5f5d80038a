package coop.mutua.app.db;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows written before ADR 12 (VAT rates as the enum's name) read as percentages after the migrations: the supplier
 * order line's column, and the rates inside the offer's and the invoices' JSON documents, values and map keys alike,
 * while other members that happen to hold the same words are left alone.
 */
class VatRatesMigrationTest {

    @Test
    void storedRateNamesBecomePercentagesAndNothingElseChanges() {
        DataSource dataSource = TestDatabase.newDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("2026.11.26.42").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO supplier_order_line (supplier_order_id, product_id, reference, name, sale_unit, vat_rate, step, case_size,
                    asked, tolerance, cases, quantity, unit_price, list_price, amount_excl_vat_cents, unallocated)
                VALUES ('o', 'p', 'R', 'STANDARD', 'KG', 'REDUCED', 1, 1, 1, 0, 1, 1, 1, 1, 100, 0)""").update();
        jdbc.sql("""
                INSERT INTO round_offer (round_id, product_id, groupement_id, supplier_id, reference, name, category, offered)
                VALUES ('r', 'p', 'g', 's', 'R', 'N', 'C',
                    '{"details":{"name":"SPECIAL","vatRate":"SPECIAL","step":"1"},"price":{"unitPrice":"1"}}')""").update();
        jdbc.sql("""
                INSERT INTO supplier_invoice (id, groupement_id, round_id, supplier_order_id, supplier_id, number, issue_date,
                    credit_note, status, total_excl_vat, vat_total, lines, charges, vat, differences, recorded_at)
                VALUES ('i', 'g', 'r', 'o', 's', 'F-1', DATE '2026-11-30', false, 'MATCHED', 100, 6,
                    '[{"label":"INTERMEDIATE","vatRate":"INTERMEDIATE"}]', '[{"reason":"Livraison","vatRate":"STANDARD"}]',
                    '{"REDUCED":"0.06","STANDARD":"1.00"}', '[]', now())""").update();

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        assertThat(jdbc.sql("SELECT vat_rate || '/' || name FROM supplier_order_line").query(String.class).single())
                .isEqualTo("5.5/STANDARD");
        assertThat(jdbc.sql("SELECT offered::text FROM round_offer").query(String.class).single())
                .contains("\"vatRate\": \"2.1\"").contains("\"name\": \"SPECIAL\"");
        assertThat(jdbc.sql("SELECT lines::text || charges::text || vat::text FROM supplier_invoice").query(String.class).single())
                .isEqualTo("[{\"label\": \"INTERMEDIATE\", \"vatRate\": \"10\"}][{\"reason\": \"Livraison\", \"vatRate\": \"20\"}]"
                        + "{\"20\": \"1.00\", \"5.5\": \"0.06\"}");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_proc WHERE proname = 'mutua_vat_rates_as_percent'").query(Long.class).single())
                .as("the one-off function is gone").isZero();
    }
}
