package coop.mutua.catalog.batch;

import coop.mutua.catalog.api.ImportMode;
import coop.mutua.catalog.api.ImportStatus;
import coop.mutua.kernel.DomainException;
import coop.mutua.platform.tx.OwnTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of an import: reads the whole file and checks every row, recording each problem with its line and
 * column. Progress and the report are written in their own short transactions, so that the page polling them sees
 * them while the step runs. Decides what comes next: import, or stop (rejected, or nothing to import).
 */
class ValidateImportTasklet implements Tasklet {

    static final String IMPORT = "IMPORT";
    static final String STOP = "STOP";
    private static final int PROGRESS_EVERY = 1000;

    private final String importId;
    private final ImportRepository imports;
    private final OwnTransaction ownTransaction;

    ValidateImportTasklet(String importId, ImportRepository imports, OwnTransaction ownTransaction) {
        this.importId = importId;
        this.imports = imports;
        this.ownTransaction = ownTransaction;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ImportRepository.ImportJob job = imports.job(importId);
        CatalogFile file;
        try {
            file = CatalogFile.read(job.content());
        } catch (DomainException unreadable) {
            RowError error = new RowError(0, null, unreadable.code(), Arrays.stream(unreadable.arguments()).map(String::valueOf).toList());
            inOwnTransaction(() -> {
                imports.startValidation(importId, null, ';', 0);
                imports.saveErrors(importId, List.of(error));
                imports.finishValidation(importId, 0, 1, ImportStatus.REJECTED);
            });
            contribution.setExitStatus(new ExitStatus(STOP));
            return RepeatStatus.FINISHED;
        }
        inOwnTransaction(() -> imports.startValidation(importId, file.text().charset(), file.text().separator(), file.rows().size()));
        ProductRowReader reader = new ProductRowReader(file.header());
        List<RowError> errors = new ArrayList<>(reader.headerErrors());
        int valid = 0;
        int refused = 0;
        if (errors.isEmpty()) {
            for (int i = 0; i < file.rows().size(); i++) {
                ProductRowReader.Result result = reader.read(file.rows().get(i));
                if (result.valid()) {
                    valid++;
                } else {
                    refused++;
                    errors.addAll(result.errors());
                }
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    int done = i + 1;
                    inOwnTransaction(() -> imports.validated(importId, done));
                }
            }
        } else {
            refused = file.rows().size();
        }
        ImportStatus next = nextStatus(job.mode(), valid, refused, reader.headerErrors().isEmpty());
        int validRows = valid;
        int errorRows = refused;
        inOwnTransaction(() -> {
            imports.saveErrors(importId, errors);
            imports.finishValidation(importId, validRows, errorRows, next);
        });
        contribution.setExitStatus(new ExitStatus(next == ImportStatus.IMPORTING ? IMPORT : STOP));
        return RepeatStatus.FINISHED;
    }

    static ImportStatus nextStatus(ImportMode mode, int valid, int refused, boolean headerFine) {
        if (!headerFine || (refused > 0 && mode == ImportMode.ALL_OR_NOTHING)) {
            return ImportStatus.REJECTED;
        }
        return valid == 0 ? ImportStatus.DONE : ImportStatus.IMPORTING;
    }

    private void inOwnTransaction(Runnable work) {
        ownTransaction.run(work);
    }
}
