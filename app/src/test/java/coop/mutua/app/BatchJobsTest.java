package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundFlow;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.SupplierId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One functional test per batch job, as the Spring Batch samples have: the job run as the application runs it, then its
 * execution as the job repository records it (status, steps, counts) and what it wrote; a completed instance is not run
 * again. The journeys around them (pages, API, mails) are tested elsewhere.
 */
@IntegrationTest
class BatchJobsTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("roundPoolingJob")
    Job roundPooling;
    @Autowired
    @Qualifier("memberInvoicingJob")
    Job memberInvoicing;

    @Test
    void roundPoolingWritesOneSupplierOrderPerSupplierWithDemandInOneStepAndRunsOncePerRound(RoundFlow flow) {
        SupplierId farm = flow.groupement().supplierId();
        SupplierId idle = SupplierId.of(flow.http().postJson("/api/suppliers", flow.coordinator(), PASSWORD, """
                {"name":"Fournil sans commande","siret":"73282932000074","address":{"street":"1 rue du Four","postalCode":"33000","city":"Bordeaux"},
                 "location":"44.85, -0.57","orderEmail":"fournil@example.org"}""").json().get("id").asString());
        String apples = flow.product(farm, RoundsThroughApi.APPLES);
        flow.product(idle, """
                {"reference":"PAIN","name":"Pain","category":"Boulangerie","saleUnit":"PIECE","caseSize":"1","vatRate":"5.5","unitPrice":"3.00"}""");
        String round = flow.openRound("Pommes", "PRO_RATA", "BY_VALUE", "0", List.of(farm, idle));
        flow.order(round, flow.groupement().memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flow.close(round);
        flow.waitFor(round, "POOLED");

        JobParameters parameters = new JobParametersBuilder().addString("roundId", round).toJobParameters();
        JobExecution execution = jobRepository.getLastJobExecution("roundPooling", parameters);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(execution)).containsExactly(Map.entry("poolRound", "COMPLETED read 1 written 1"));
        assertThat(supplierOrders(round)).as("the supplier without demand gets no order").isEqualTo(1);

        assertThatThrownBy(() -> jobOperator.start(roundPooling, parameters)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
        assertThat(supplierOrders(round)).isEqualTo(1);
    }

    @Test
    void memberInvoicingIssuesOneInvoicePerMemberThenRecordsTheRoundAndRunsOncePerRound(RoundFlow flow) {
        SupplierId farm = flow.groupement().supplierId();
        String apples = flow.product(farm, RoundsThroughApi.APPLES);
        MemberId second = flow.member("Épicerie solidaire", "ASSOCIATION");
        String round = flow.openRound("Pommes", "PRO_RATA", "BY_VALUE", "2", List.of(farm));
        flow.order(round, flow.groupement().memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flow.order(round, second, "{\"productId\":\"" + apples + "\",\"quantity\":\"5\"}");
        flow.close(round);
        flow.waitFor(round, "POOLED");
        String order = flow.supplierOrders(round).get(0).get("id").asString();
        flow.receive(order, "");
        flow.invoice(order, """
                {"number":"F-1","issueDate":"%s","lines":[{"productId":"%s","quantity":"15","unitPrice":"2.00"}],
                 "vat":[{"rate":"5.5","amount":"1.65"}]}""".formatted(LocalDate.now(), apples));
        JsonNode progress = flow.issueMemberInvoices(round);
        assertThat(progress.get("status").asString()).as(progress.toString()).isEqualTo("COMPLETED");

        JobParameters parameters = new JobParametersBuilder().addString("groupementId", flow.groupement().id().value())
                .addString("roundId", round).toJobParameters();
        JobExecution execution = jobRepository.getLastJobExecution("memberInvoicing", parameters);
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(execution)).containsExactly(Map.entry("issueMemberInvoices", "COMPLETED read 2 written 2"),
                Map.entry("recordRoundInvoiced", "COMPLETED read 0 written 0"));
        assertThat(jdbc.sql("SELECT count(*) FROM member_invoice WHERE round_id = :round").param("round", round).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(flow.round(round).get("status").asString()).isEqualTo("INVOICED");

        assertThatThrownBy(() -> jobOperator.start(memberInvoicing, parameters)).isInstanceOf(JobInstanceAlreadyCompleteException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM member_invoice WHERE round_id = :round").param("round", round).query(Long.class)
                .single()).isEqualTo(2);
    }

    @Test
    void productImportValidatesThenWritesTheValidRowsInChunksOrStopsAtValidation(RoundFlow flow) {
        Http http = flow.http();
        String path = "/api/suppliers/" + flow.groupement().supplierId() + "/products/import";
        String valid = "reference;name;category;unit;case size;price;vat\nA-1;Alpha;Cat;kg;1;2,50;5,5\nB-1;Beta;Cat;kg;1;3,00;5,5\n"
                + "C-1;Gamma;Cat;kg;1;1,00;20\n";
        JsonNode imported = http.postBytes(path, flow.coordinator(), PASSWORD, "text/csv", valid.getBytes(StandardCharsets.UTF_8)).json();
        JsonNode rejected = http.postBytes(path, flow.coordinator(), PASSWORD, "text/csv",
                (valid + "D-1;Delta;Cat;tonneau;1;1,00;5,5\n").getBytes(StandardCharsets.UTF_8)).json();

        JobExecution done = importExecution(imported.get("id").asString());
        assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(done)).containsExactly(Map.entry("validateCatalogFile", "COMPLETED read 0 written 0"),
                Map.entry("importCatalogRows", "COMPLETED read 3 written 3"));
        JobExecution stopped = importExecution(rejected.get("id").asString());
        assertThat(stopped.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(counts(stopped)).as("a file with a bad row, all or nothing: nothing is written")
                .containsExactly(Map.entry("validateCatalogFile", "COMPLETED read 0 written 0"));
        assertThat(rejected.get("status").asString()).isEqualTo("REJECTED");
    }

    private JobExecution importExecution(String importId) {
        return jobRepository.getLastJobExecution("productImport", new JobParametersBuilder().addString("importId", importId)
                .toJobParameters());
    }

    /** Each step of the execution, in order, with its status and counts. */
    private static Map<String, String> counts(JobExecution execution) {
        return execution.getStepExecutions().stream().sorted((a, b) -> Long.compare(a.getId(), b.getId()))
                .collect(Collectors.toMap(StepExecution::getStepName,
                        step -> step.getStatus() + " read " + step.getReadCount() + " written " + step.getWriteCount(),
                        (a, b) -> a, LinkedHashMap::new));
    }

    private long supplierOrders(String round) {
        return jdbc.sql("SELECT count(*) FROM supplier_order WHERE round_id = :round").param("round", round).query(Long.class).single();
    }
}
