package coop.mutua.catalog.batch;

import coop.mutua.kernel.DomainException;
import java.util.List;

/** A decoded catalog file: its text's charset and separator, its header and its non-blank data records. */
record CatalogFile(CsvText text, CsvRecord header, List<CsvRecord> rows) {

    /** @throws coop.mutua.kernel.DomainException when the file cannot be read as CSV at all */
    static CatalogFile read(byte[] content) {
        CsvText text = CsvText.decode(content);
        List<CsvRecord> records = CsvRecords.parse(text.text(), text.separator());
        if (records.isEmpty() || records.get(0).isBlank()) {
            throw new DomainException("csv.empty");
        }
        List<CsvRecord> rows = records.subList(1, records.size()).stream().filter(record -> !record.isBlank()).toList();
        return new CatalogFile(text, records.get(0), rows);
    }
}
