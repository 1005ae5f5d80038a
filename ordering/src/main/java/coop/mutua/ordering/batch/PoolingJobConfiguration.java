package coop.mutua.ordering.batch;

import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.ordering.api.RecordPoolingCommand;
import coop.mutua.ordering.domain.SupplierPooling;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The pooling job of a closed round (parameter {@code roundId}, one job instance per round): one chunk per supplier
 * writes that supplier's order and the members' shares, then the round records that it is pooled. A job stopped midway
 * restarts after the last supplier written, and rewriting a supplier's order replaces it: same result, no duplicate.
 */
@Configuration(proxyBeanMethods = false)
class PoolingJobConfiguration {

    static final String JOB = "roundPooling";

    record Pooled(SupplierId supplierId, SupplierPooling.Result result, SupplierPooling.SupplierTerms terms) {
    }

    @Bean
    Job roundPoolingJob(JobRepository jobRepository, Step poolSupplierOrders, Step recordPooling) {
        return new JobBuilder(JOB, jobRepository).start(poolSupplierOrders).next(recordPooling).build();
    }

    @Bean
    Step poolSupplierOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            RoundSuppliersReader roundSuppliersReader, ItemProcessor<SupplierId, Pooled> supplierPooler,
                            ItemWriter<Pooled> supplierOrderWriter) {
        return new StepBuilder("poolSupplierOrders", jobRepository)
                .<SupplierId, Pooled>chunk(1, transactionManager)
                .reader(roundSuppliersReader)
                .processor(supplierPooler)
                .writer(supplierOrderWriter)
                .build();
    }

    @Bean
    Step recordPooling(JobRepository jobRepository, PlatformTransactionManager transactionManager, PoolingRepository pooling,
                       CommandGateway commands) {
        return new StepBuilder("recordPooling", jobRepository)
                .tasklet((contribution, context) -> {
                    RoundId roundId = RoundId.of(context.getStepContext().getJobParameters().get("roundId").toString());
                    PoolingRepository.Round round = pooling.round(roundId).orElseThrow();
                    commands.sendAndWait(new RecordPoolingCommand(roundId, round.groupementId(), pooling.supplierOrderCount(roundId),
                            pooling.belowMinimum(roundId)));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    RoundSuppliersReader roundSuppliersReader(@Value("#{jobParameters['roundId']}") String roundId, PoolingRepository pooling) {
        return new RoundSuppliersReader(RoundId.of(roundId), pooling);
    }

    @Bean
    @StepScope
    ItemProcessor<SupplierId, Pooled> supplierPooler(@Value("#{jobParameters['roundId']}") String roundId,
                                                     PoolingRepository pooling, QueryGateway queries) {
        PoolingRepository.Round round = pooling.round(RoundId.of(roundId)).orElseThrow();
        return supplierId -> {
            SupplierPooling.SupplierTerms terms = queries.query(new FindSupplierQuery(round.groupementId(), supplierId),
                            ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join()
                    .map(s -> new SupplierPooling.SupplierTerms(orZero(s.minimumOrder()), orZero(s.deliveryFee()),
                            orZero(s.freeShippingThreshold())))
                    .orElse(SupplierPooling.SupplierTerms.NONE);
            return new Pooled(supplierId, SupplierPooling.pool(pooling.demand(round.roundId(), supplierId, round.policy()), terms, round.policy()), terms);
        };
    }

    @Bean
    @StepScope
    ItemWriter<Pooled> supplierOrderWriter(@Value("#{jobParameters['roundId']}") String roundId, PoolingRepository pooling,
                                           Clock clock, ObjectProvider<PoolingProgress> progress) {
        PoolingRepository.Round round = pooling.round(RoundId.of(roundId)).orElseThrow();
        return chunk -> {
            for (Pooled pooled : chunk) {
                pooling.save(round, pooled.supplierId(), pooled.result(), pooled.terms(), clock.instant());
                progress.forEach(listener -> listener.written(round.roundId(), pooled.supplierId()));
            }
        };
    }

    private static Money orZero(Money money) {
        return money == null ? Money.ZERO : money;
    }

    /** The round's suppliers in a fixed order; the position read is saved, so a restart goes on from there. */
    static class RoundSuppliersReader extends AbstractItemCountingItemStreamItemReader<SupplierId> {

        private final RoundId roundId;
        private final PoolingRepository pooling;
        private Iterator<SupplierId> suppliers;

        RoundSuppliersReader(RoundId roundId, PoolingRepository pooling) {
            this.roundId = roundId;
            this.pooling = pooling;
            setName("roundSuppliers");
        }

        @Override
        protected void doOpen() {
            List<SupplierId> all = pooling.suppliers(roundId);
            suppliers = all.iterator();
        }

        @Override
        protected SupplierId doRead() {
            return suppliers.hasNext() ? suppliers.next() : null;
        }

        @Override
        protected void doClose() {
            suppliers = null;
        }
    }
}
