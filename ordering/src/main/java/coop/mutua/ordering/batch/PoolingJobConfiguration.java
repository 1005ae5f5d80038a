package coop.mutua.ordering.batch;

import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.RecordPoolingCommand;
import coop.mutua.ordering.api.RecordSupplierOrderPooledCommand;
import coop.mutua.ordering.api.SupplierOrderIds;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.domain.SupplierPooling;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The pooling job of a closed round (parameter {@code roundId}, one job instance per round): one step, one transaction,
 * pools every supplier of the round, writes its supplier order and the members' shares, records each supplier order's
 * starting status and then that the round is pooled. All the round's supplier orders or none: a failure rolls the whole
 * pooling back, and a restart pools the round again from its frozen orders (same result).
 */
@Configuration(proxyBeanMethods = false)
class PoolingJobConfiguration {

    static final String JOB = "roundPooling";

    @Bean
    Job roundPoolingJob(JobRepository jobRepository, Step poolRound) {
        return new JobBuilder(JOB, jobRepository).start(poolRound).build();
    }

    @Bean
    Step poolRound(JobRepository jobRepository, PlatformTransactionManager transactionManager, PoolingRepository pooling,
                   QueryGateway queries, CommandGateway commands, Clock clock, ObjectProvider<PoolingProgress> progress) {
        return new StepBuilder("poolRound", jobRepository)
                .tasklet((contribution, context) -> {
                    RoundId roundId = RoundId.of(context.getStepContext().getJobParameters().get("roundId").toString());
                    PoolingRepository.Round round = pooling.round(roundId).orElseThrow();
                    int orders = 0;
                    Set<SupplierId> belowMinimum = new HashSet<>();
                    Map<String, Instant> firstSubmissions = pooling.firstSubmissions(roundId);
                    for (SupplierId supplierId : pooling.suppliers(roundId)) {
                        List<SupplierPooling.Demand> demand = pooling.demand(roundId, supplierId, firstSubmissions);
                        if (demand.isEmpty()) {
                            continue;
                        }
                        SupplierPooling.SupplierTerms terms = terms(queries, round, supplierId);
                        SupplierPooling.Result result = SupplierPooling.pool(demand, terms, round.policy());
                        SupplierOrderStatus status = pooling.save(round, supplierId, result, terms, clock.instant());
                        commands.sendAndWait(new RecordSupplierOrderPooledCommand(SupplierOrderIds.of(roundId, supplierId),
                                round.groupementId(), roundId, supplierId, status));
                        if (status == SupplierOrderStatus.BELOW_MINIMUM) {
                            belowMinimum.add(supplierId);
                        }
                        orders++;
                        contribution.incrementReadCount();
                        contribution.incrementWriteCount(1);
                        progress.forEach(listener -> listener.written(roundId, supplierId));
                    }
                    commands.sendAndWait(new RecordPoolingCommand(roundId, round.groupementId(), orders, belowMinimum));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    private static SupplierPooling.SupplierTerms terms(QueryGateway queries, PoolingRepository.Round round, SupplierId supplierId) {
        return queries.query(new FindSupplierQuery(round.groupementId(), supplierId),
                        ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join()
                .map(s -> new SupplierPooling.SupplierTerms(orZero(s.minimumOrder()), orZero(s.deliveryFee()),
                        orZero(s.freeShippingThreshold())))
                // The directory is projected behind the commands: a supplier it does not show yet has terms we do not know.
                // Pooling without them would order below the supplier's minimum, without its fee: the attempt fails and is
                // retried, as any other failure.
                .orElseThrow(() -> new IllegalStateException("The directory does not show supplier " + supplierId.value()
                        + " of groupement " + round.groupementId().value() + " yet: its minimum order and fees are unknown"));
    }

    private static Money orZero(Money money) {
        return money == null ? Money.ZERO : money;
    }
}
