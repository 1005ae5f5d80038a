package coop.mutua.catalog.batch;

import java.util.Iterator;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Second step's reader: the file's valid rows, in file order. Two threads share it (wrapped to be synchronised),
 * so it keeps no restart position: a restarted import goes through every row again, which is safe because an
 * import command records only what differs from the product as it is.
 */
class ValidRowsReader extends AbstractItemCountingItemStreamItemReader<ProductRow> {

    private final String importId;
    private final ImportRepository imports;
    private Iterator<ProductRow> rows;

    ValidRowsReader(String importId, ImportRepository imports) {
        this.importId = importId;
        this.imports = imports;
        setName("validRows");
        setSaveState(false);
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
