package coop.mutua.catalog.batch;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a French user's spreadsheet does with encoding, separator and decimal mark, a valid row reads back exactly. */
class CatalogFileProperties {

    record Dialect(Charset charset, char separator, boolean decimalComma, String lineEnd) {
    }

    @Provide
    Arbitrary<Dialect> dialects() {
        return Combinators.combine(Arbitraries.of(StandardCharsets.UTF_8, Charset.forName("windows-1252")),
                        Arbitraries.of(';', ',', '\t'), Arbitraries.of(true, false), Arbitraries.of("\n", "\r\n"))
                .as(Dialect::new);
    }

    @Provide
    Arbitrary<ProductRow> rows() {
        Arbitrary<String> words = Arbitraries.of("Carottes", "Café \"Pérou\"", "Œufs, plein air", "Savon noir; 5 L",
                "Thé vert", "Pâtes complètes", "Jus de pomme");
        Arbitrary<Integer> steps = Arbitraries.integers().between(1, 5);
        return Combinators.combine(Arbitraries.strings().withChars("ABCXYZ0123456789-").ofMinLength(1).ofMaxLength(12),
                words, Arbitraries.of("Légumes", "Épicerie", "Entretien"), Arbitraries.of(SaleUnit.values()), steps,
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(50, 99_999),
                Arbitraries.of(VatRate.values())).as((ref, name, category, unit, step, cases, cents, vat) -> {
            Quantity stepQuantity = Quantity.of(step);
            Quantity caseSize = Quantity.of((long) step * cases);
            UnitPrice price = new UnitPrice(BigDecimal.valueOf(cents, 2));
            List<PriceTier> tiers = cents > 100 ? List.of(new PriceTier(Quantity.of(50), new UnitPrice(BigDecimal.valueOf(cents - 10, 2))))
                    : List.of();
            return new ProductRow(2, "R" + ref, new ProductDetails(name, category, unit, stepQuantity, caseSize, Quantity.ZERO,
                    vat, Set.of(ProductLabel.ORGANIC_AB), "France"), new ProductPrice(price, tiers), cents % 2 == 0);
        });
    }

    @Property(tries = 300)
    void aValidRowReadsBackUnchanged(@ForAll("rows") ProductRow row, @ForAll("dialects") Dialect dialect) {
        String file = write(row, dialect);

        CsvText text = CsvText.decode(file.getBytes(dialect.charset()));
        List<CsvRecord> records = CsvRecords.parse(text.text(), text.separator());
        ProductRowReader.Result result = new ProductRowReader(records.get(0)).read(records.get(1));

        assertThat(text.separator()).isEqualTo(dialect.separator());
        assertThat(result.errors()).isEmpty();
        assertThat(result.row()).isEqualTo(row);
    }

    private static String write(ProductRow row, Dialect dialect) {
        List<String> header = List.of("Référence", "Désignation", "Catégorie", "Unité", "Pas", "Colis", "Prix HT", "TVA",
                "Paliers", "Labels", "Origine", "Disponible");
        List<String> cells = new ArrayList<>();
        cells.add(row.reference());
        cells.add(row.details().name());
        cells.add(row.details().category());
        cells.add(row.details().saleUnit().name().toLowerCase());
        cells.add(number(row.details().step().toString(), dialect));
        cells.add(number(row.details().caseSize().toString(), dialect));
        cells.add(number(row.price().unitPrice().toString(), dialect));
        cells.add(number(row.details().vatRate().toString(), dialect));
        cells.add(row.price().tiers().stream()
                .map(tier -> number(tier.fromQuantity().toString(), dialect) + ":" + number(tier.unitPrice().toString(), dialect))
                .collect(Collectors.joining("|")));
        cells.add("AB");
        cells.add(row.details().origin());
        cells.add(row.available() ? "oui" : "non");
        String separator = String.valueOf(dialect.separator());
        return header.stream().map(cell -> quote(cell, dialect)).collect(Collectors.joining(separator)) + dialect.lineEnd()
                + cells.stream().map(cell -> quote(cell, dialect)).collect(Collectors.joining(separator)) + dialect.lineEnd();
    }

    private static String number(String plain, Dialect dialect) {
        return dialect.decimalComma() ? plain.replace('.', ',') : plain;
    }

    private static String quote(String cell, Dialect dialect) {
        boolean needs = cell.indexOf(dialect.separator()) >= 0 || cell.contains("\"") || cell.contains("\n");
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
