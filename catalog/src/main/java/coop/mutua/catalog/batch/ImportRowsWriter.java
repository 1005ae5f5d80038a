package coop.mutua.catalog.batch;

import coop.mutua.catalog.api.ImportNewProductCommand;
import coop.mutua.catalog.api.ImportProductCommand;
import coop.mutua.catalog.api.ProductIds;
import coop.mutua.kernel.ProductId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends one import command per row. The commands join the chunk's transaction, so a chunk's events, and the
 * progress counter, are committed together or not at all. Which references already exist is asked once per chunk,
 * from the event store (always current, unlike a projection): new products are then created without a lookup.
 */
class ImportRowsWriter implements ItemWriter<ProductRow> {

    private final ImportRepository.ImportJob job;
    private final CommandGateway commands;
    private final ImportRepository imports;
    private final JdbcClient jdbc;

    ImportRowsWriter(ImportRepository.ImportJob job, CommandGateway commands, ImportRepository imports, JdbcClient jdbc) {
        this.job = job;
        this.commands = commands;
        this.imports = imports;
        this.jdbc = jdbc;
    }

    @Override
    public void write(Chunk<? extends ProductRow> chunk) {
        List<String> ids = chunk.getItems().stream().map(row -> idOf(row).value()).toList();
        Set<String> existing = new HashSet<>(jdbc.sql("""
                SELECT DISTINCT aggregateidentifier FROM domainevententry
                WHERE aggregateidentifier IN (:ids) AND sequencenumber = 0""")
                .param("ids", ids).query(String.class).list());
        Map<String, String> metadata = Map.of("userId", job.userId());
        for (ProductRow row : chunk) {
            ProductId id = idOf(row);
            Object command = existing.contains(id.value())
                    ? new ImportProductCommand(id, job.groupementId(), job.supplierId(), row.reference(), row.details(),
                            row.price(), row.available())
                    : new ImportNewProductCommand(id, job.groupementId(), job.supplierId(), row.reference(), row.details(),
                            row.price(), row.available());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        }
        imports.imported(job.id(), chunk.size());
    }

    private ProductId idOf(ProductRow row) {
        return ProductIds.of(job.supplierId(), row.reference());
    }
}
