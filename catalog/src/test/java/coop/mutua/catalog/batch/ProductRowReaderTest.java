package coop.mutua.catalog.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.VatRate;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class ProductRowReaderTest {

    private static final String HEADER = "Référence;Désignation;Catégorie;Unité;Pas;Colis;Minimum;Prix HT;TVA;Paliers;Labels;Origine;Disponible";

    @Test
    void readsAnExcelFrenchFileInWindows1252WithDecimalCommas() {
        String file = HEADER + "\r\n" + "CAR-10;Carottes des sables;Légumes;kg;1;10;;1,90 €;5,5 %;50:1,75 | 100:1,60;AB;Gironde;oui\r\n";
        CsvText text = CsvText.decode(file.getBytes(Charset.forName("windows-1252")));

        assertThat(text.charset()).isEqualTo("windows-1252");
        assertThat(text.separator()).isEqualTo(';');
        List<CsvRecord> records = CsvRecords.parse(text.text(), text.separator());
        ProductRowReader reader = new ProductRowReader(records.get(0));
        ProductRowReader.Result result = reader.read(records.get(1));

        assertThat(reader.headerErrors()).isEmpty();
        assertThat(result.errors()).isEmpty();
        ProductRow row = result.row();
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.reference()).isEqualTo("CAR-10");
        assertThat(row.details().name()).isEqualTo("Carottes des sables");
        assertThat(row.details().category()).isEqualTo("Légumes");
        assertThat(row.details().saleUnit()).isEqualTo(SaleUnit.KG);
        assertThat(row.details().caseSize()).isEqualTo(Quantity.of(10));
        assertThat(row.details().vatRate()).isEqualTo(VatRate.REDUCED);
        assertThat(row.details().labels()).containsExactly(ProductLabel.ORGANIC_AB);
        assertThat(row.price().unitPrice()).isEqualTo(UnitPrice.of("1.90"));
        assertThat(row.price().tiers()).containsExactly(new PriceTier(Quantity.of(50), UnitPrice.of("1.75")),
                new PriceTier(Quantity.of(100), UnitPrice.of("1.60")));
        assertThat(row.available()).isTrue();
    }

    @Test
    void readsAUtf8CommaSeparatedFileWithQuotedDecimals() {
        String file = "\uFEFFreference,name,category,unit,case size,price,vat,available\n"
                + "\"CAF-1K\",\"Café \"\"Pérou\"\", grains\",Épicerie,piece,6,\"16,90\",5.5,no\n";
        CsvText text = CsvText.decode(file.getBytes(StandardCharsets.UTF_8));
        List<CsvRecord> records = CsvRecords.parse(text.text(), text.separator());

        ProductRowReader.Result result = new ProductRowReader(records.get(0)).read(records.get(1));

        assertThat(text.charset()).isEqualTo("UTF-8");
        assertThat(text.separator()).isEqualTo(',');
        assertThat(result.errors()).isEmpty();
        assertThat(result.row().details().name()).isEqualTo("Café \"Pérou\", grains");
        assertThat(result.row().price().unitPrice()).isEqualTo(UnitPrice.of("16.90"));
        assertThat(result.row().details().step()).isEqualTo(Quantity.of(1));
        assertThat(result.row().available()).isFalse();
    }

    @Test
    void reportsEveryProblemOfARowWithItsLineAndColumn() {
        String file = HEADER + "\n" + ";Carottes;Légumes;tonneau;0;10;;1,901234;19,6;50:2,10;bio|fairtrade;;peut-être\n";
        List<CsvRecord> records = CsvRecords.parse(file, ';');

        ProductRowReader.Result result = new ProductRowReader(records.get(0)).read(records.get(1));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(RowError::line).containsOnly(2);
        assertThat(result.errors()).extracting(RowError::column, RowError::code).contains(
                Tuple.tuple("Référence", "field.required"),
                Tuple.tuple("Unité", "csv.unknown-unit"),
                Tuple.tuple("Prix HT", "price.too-many-decimals"),
                Tuple.tuple("TVA", "vat-rate.unknown"),
                Tuple.tuple("Labels", "csv.unknown-label"),
                Tuple.tuple("Disponible", "csv.yes-no"));
    }

    @Test
    void checksTheProductRulesAcrossCells() {
        String file = HEADER + "\n"
                + "A;Carottes;Légumes;kg;3;10;;1,90;5,5;;;;\n"
                + "B;Pommes;Fruits;kg;1;12;;2,60;5,5;60:2,70;;;\n";
        List<CsvRecord> records = CsvRecords.parse(file, ';');
        ProductRowReader reader = new ProductRowReader(records.get(0));

        assertThat(reader.read(records.get(1)).errors()).extracting(RowError::column, RowError::code)
                .containsExactly(Tuple.tuple("Colis", "product.case-not-multiple-of-step"));
        assertThat(reader.read(records.get(2)).errors()).extracting(RowError::column, RowError::code)
                .containsExactly(Tuple.tuple("Paliers", "tiers.not-below-list-price"));
    }

    @Test
    void findsTheSameReferenceTwiceInAFile() {
        String file = HEADER + "\nX-1;Un;Cat;kg;1;1;;1;20;;;;\nx-1;Deux;Cat;kg;1;1;;1;20;;;;\n";
        List<CsvRecord> records = CsvRecords.parse(file, ';');
        ProductRowReader reader = new ProductRowReader(records.get(0));

        assertThat(reader.read(records.get(1)).valid()).isTrue();
        assertThat(reader.read(records.get(2)).errors()).extracting(RowError::code, RowError::arguments)
                .containsExactly(Tuple.tuple("csv.duplicate-reference", List.of("x-1", "2")));
    }

    @Test
    void namesTheMissingColumnsAndRefusesAnUnterminatedQuote() {
        ProductRowReader reader = new ProductRowReader(CsvRecords.parse("reference;nom;prix\n", ';').get(0));

        assertThat(reader.headerErrors()).extracting(RowError::column)
                .containsExactly("categorie", "unite", "colis", "tva");
        assertThatThrownBy(() -> CsvRecords.parse("a;\"b\nc;d", ';'))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("csv.unterminated-quote"));
        assertThat(CsvRecords.parse("a;\"b\nsuite\";c\nd;e;f", ';')).extracting(CsvRecord::line).containsExactly(1, 3);
        assertThat(Set.of(CsvText.separatorOf("a\tb\tc"), CsvText.separatorOf("a;b,c"))).containsExactlyInAnyOrder('\t', ';');
    }
}
