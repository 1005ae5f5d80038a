package coop.mutua.billing.batch;

import coop.mutua.billing.application.InvoicingPlan;
import coop.mutua.billing.application.InvoicingPlans;
import coop.mutua.billing.application.IssuingMemberInvoices;
import coop.mutua.billing.query.MemberInvoiceQueries;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.RecordRoundInvoicedCommand;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The member invoicing of a round (parameters {@code groupementId}, {@code roundId}; one job instance per round): the
 * split is computed once when the step opens, then chunks of members are invoiced, each chunk in one transaction that
 * takes the numbers, stores the events and the files. Restarted after a failure or a crash, the step reads again the
 * members that have no invoice yet (the invoices are written in the chunks' transactions): none is skipped, none issued
 * twice, and the numbers follow on without a gap.
 */
@Configuration(proxyBeanMethods = false)
class InvoicingJobConfiguration {

    static final String JOB = "memberInvoicing";

    @Bean
    Job memberInvoicingJob(JobRepository jobRepository, Step issueMemberInvoices, Step recordRoundInvoiced) {
        return new JobBuilder(JOB, jobRepository).start(issueMemberInvoices).next(recordRoundInvoiced).build();
    }

    /** Every member has its invoice: the round says so (INVOICED), in the step's transaction, so a restart repeats it. */
    @Bean
    Step recordRoundInvoiced(JobRepository jobRepository, PlatformTransactionManager transactionManager, MemberInvoiceQueries invoices,
                             CommandGateway commands) {
        return new StepBuilder("recordRoundInvoiced", jobRepository)
                .tasklet((contribution, context) -> {
                    Map<String, Object> parameters = context.getStepContext().getJobParameters();
                    RoundId roundId = RoundId.of(parameters.get("roundId").toString());
                    commands.sendAndWait(new RecordRoundInvoicedCommand(roundId, GroupementId.of(parameters.get("groupementId").toString()),
                            invoices.invoicedMembers(roundId).size()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step issueMemberInvoices(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             RoundInvoicing roundInvoicing, ItemWriter<MemberId> memberInvoiceWriter,
                             @Value("${mutua.billing.chunk-size:20}") int chunkSize) {
        return new StepBuilder("issueMemberInvoices", jobRepository)
                .<MemberId, MemberId>chunk(chunkSize, transactionManager)
                .reader(roundInvoicing)
                .writer(memberInvoiceWriter)
                .build();
    }

    @Bean
    @StepScope
    RoundInvoicing roundInvoicing(@Value("#{jobParameters['groupementId']}") String groupementId,
                                  @Value("#{jobParameters['roundId']}") String roundId, InvoicingPlans plans,
                                  MemberInvoiceQueries invoices) {
        return new RoundInvoicing(GroupementId.of(groupementId), RoundId.of(roundId), plans, invoices);
    }

    @Bean
    @StepScope
    ItemWriter<MemberId> memberInvoiceWriter(RoundInvoicing roundInvoicing, IssuingMemberInvoices issuer,
                                             ObjectProvider<InvoicingProgress> progress) {
        return chunk -> {
            List<MemberId> members = List.copyOf(chunk.getItems());
            List<MemberInvoiceId> issued = issuer.issue(roundInvoicing.plan(), members);
            for (int i = 0; i < members.size(); i++) {
                MemberId member = members.get(i);
                MemberInvoiceId invoiceId = issued.get(i);
                progress.forEach(listener -> listener.issued(roundInvoicing.plan().round().roundId(), member, invoiceId));
            }
        };
    }

    /** Reads the round's members still to invoice, in the order of their numbers; keeps the plan for the writer. */
    static class RoundInvoicing implements ItemStreamReader<MemberId> {

        private final GroupementId groupementId;
        private final RoundId roundId;
        private final InvoicingPlans plans;
        private final MemberInvoiceQueries invoices;
        private InvoicingPlan plan;
        private Deque<MemberId> remaining;

        RoundInvoicing(GroupementId groupementId, RoundId roundId, InvoicingPlans plans, MemberInvoiceQueries invoices) {
            this.groupementId = groupementId;
            this.roundId = roundId;
            this.plans = plans;
            this.invoices = invoices;
        }

        @Override
        public void open(ExecutionContext context) {
            plan = plans.load(groupementId, roundId);
            Set<MemberId> done = invoices.invoicedMembers(roundId);
            remaining = new ArrayDeque<>();
            plan.membersInOrder().stream().filter(member -> !done.contains(member)).forEach(remaining::add);
            context.putInt("total", plan.parts().size());
        }

        @Override
        public MemberId read() {
            return remaining.pollFirst();
        }

        public InvoicingPlan plan() {
            return plan;
        }
    }
}
