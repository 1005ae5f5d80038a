package coop.mutua.catalog.batch;

import coop.mutua.catalog.api.ImportProductCommand;
import coop.mutua.catalog.api.ProductIds;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Sends one import command per row. The commands join the chunk's transaction, so a chunk's events, and the
 * progress counter, are committed together or not at all.
 */
class ImportRowsWriter implements ItemWriter<ProductRow> {

    private final ImportRepository.ImportJob job;
    private final CommandGateway commands;
    private final ImportRepository imports;

    ImportRowsWriter(ImportRepository.ImportJob job, CommandGateway commands, ImportRepository imports) {
        this.job = job;
        this.commands = commands;
        this.imports = imports;
    }

    @Override
    public void write(Chunk<? extends ProductRow> chunk) {
        for (ProductRow row : chunk) {
            ImportProductCommand command = new ImportProductCommand(ProductIds.of(job.supplierId(), row.reference()),
                    job.groupementId(), job.supplierId(), row.reference(), row.details(), row.price(), row.available());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of("userId", job.userId())));
        }
        imports.imported(job.id(), chunk.size());
    }
}
