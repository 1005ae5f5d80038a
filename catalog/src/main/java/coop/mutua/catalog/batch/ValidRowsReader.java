package coop.mutua.catalog.batch;

import java.util.Iterator;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Second step's reader: the file's valid rows, in file order. It counts what it read in the step's execution
 * context, so a restarted import resumes after the last committed chunk (and replaying a row would be harmless
 * anyway: an import command records only what differs from the product as it is).
 */
class ValidRowsReader extends AbstractItemCountingItemStreamItemReader<ProductRow> {

    private final String importId;
    private final ImportRepository imports;
    private Iterator<ProductRow> rows;

    ValidRowsReader(String importId, ImportRepository imports) {
        this.importId = importId;
        this.imports = imports;
        setName("validRows");
    }

    @Override
    protected void doOpen() {
        CatalogFile file = CatalogFile.read(imports.job(importId).content());
        ProductRowReader reader = new ProductRowReader(file.header());
        rows = file.rows().stream().map(reader::read).filter(ProductRowReader.Result::valid)
                .map(ProductRowReader.Result::row).iterator();
    }

    @Override
    protected ProductRow doRead() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    protected void doClose() {
        rows = null;
    }
}
