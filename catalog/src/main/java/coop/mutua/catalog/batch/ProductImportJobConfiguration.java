package coop.mutua.catalog.batch;

import coop.mutua.catalog.api.ImportStatus;
import coop.mutua.kernel.FailureReason;
import coop.mutua.platform.tx.OwnTransaction;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The catalog import job: validate every row, then (unless rejected) import the valid rows in chunks. One job
 * instance per import (parameter {@code importId}); a failed import can be restarted and resumes after the last
 * committed chunk.
 */
@Configuration(proxyBeanMethods = false)
class ProductImportJobConfiguration {

    static final String JOB = "productImport";
    static final int CHUNK = 250;

    @Bean
    Job productImportJob(JobRepository jobRepository, Step validateCatalogFile, Step importCatalogRows, ImportRepository imports) {
        return new JobBuilder(JOB, jobRepository)
                .start(validateCatalogFile).on(ValidateImportTasklet.STOP).end()
                .from(validateCatalogFile).on(ValidateImportTasklet.IMPORT).to(importCatalogRows)
                .from(validateCatalogFile).on("*").fail()
                .end()
                .listener(new JobExecutionListener() {
                    @Override
                    public void afterJob(JobExecution execution) {
                        String importId = execution.getJobParameters().getString("importId");
                        if (execution.getStatus() == BatchStatus.COMPLETED) {
                            imports.finishIfImporting(importId);
                        } else if (execution.getStatus().isUnsuccessful()) {
                            String reason = execution.getAllFailureExceptions().isEmpty()
                                    ? execution.getExitStatus().getExitDescription()
                                    : FailureReason.of(execution.getAllFailureExceptions());
                            LoggerFactory.getLogger(ProductImportJobConfiguration.class)
                                    .error("Catalog import {} failed: {}", importId, reason);
                            imports.finish(importId, ImportStatus.FAILED, reason);
                        }
                    }
                })
                .build();
    }

    @Bean
    Step validateCatalogFile(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             ValidateImportTasklet validateImportTasklet) {
        return new StepBuilder("validateCatalogFile", jobRepository)
                .tasklet(validateImportTasklet, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    ValidateImportTasklet validateImportTasklet(@Value("#{jobParameters['importId']}") String importId,
                                                ImportRepository imports, OwnTransaction ownTransaction) {
        return new ValidateImportTasklet(importId, imports, ownTransaction);
    }

    @Bean
    Step importCatalogRows(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           ValidRowsReader validRowsReader, ImportRowsWriter importRowsWriter) {
        return new StepBuilder("importCatalogRows", jobRepository)
                .<ProductRow, ProductRow>chunk(CHUNK, transactionManager)
                .reader(validRowsReader)
                .writer(importRowsWriter)
                .build();
    }

    @Bean
    @StepScope
    ValidRowsReader validRowsReader(@Value("#{jobParameters['importId']}") String importId, ImportRepository imports) {
        return new ValidRowsReader(importId, imports);
    }

    @Bean
    @StepScope
    ImportRowsWriter importRowsWriter(@Value("#{jobParameters['importId']}") String importId, ImportRepository imports,
                                      CommandGateway commands, JdbcClient jdbc) {
        return new ImportRowsWriter(imports.job(importId), commands, imports, jdbc);
    }
}
