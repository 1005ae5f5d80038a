package coop.mutua.billing.application;

import coop.mutua.billing.query.MemberInvoiceQueries;
import coop.mutua.kernel.ConflictException;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.FailureReason;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.RecordRoundJobFailureCommand;
import coop.mutua.ordering.api.RetryRoundJobCommand;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.platform.batch.JobRuns;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Starts a round's member invoicing (after checking, at once, that the round can be invoiced: the reason comes back to
 * the coordinator), runs it on a thread of its own, and tells how far it is. A failed run is restarted by starting
 * again; a run left unfinished by a node that died is made restartable by JobRecovery (only once that node stopped beating).
 */
@Component
public class InvoicingMembers {

    private static final Logger log = LoggerFactory.getLogger(InvoicingMembers.class);

    /** How far a round's invoicing is: NONE (never started), STARTED, COMPLETED, FAILED... and the counts. */
    public record Progress(@Schema(allowableValues = {"NONE", "STARTING", "STARTED", "COMPLETED",
            "FAILED", "STOPPING", "STOPPED", "ABANDONED", "UNKNOWN"}) String status, int issued, int total, String failure) {
    }

    private final JobRepository jobRepository;
    private final Job memberInvoicingJob;
    private final InvoicingPlans plans;
    private final MemberInvoiceQueries invoices;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "member-invoicing");
        thread.setDaemon(true);
        return thread;
    });

    private final CommandGateway commands;
    private final Counter failed;

    private final JobRuns jobRuns;

    InvoicingMembers(JobRepository jobRepository, Job memberInvoicingJob, InvoicingPlans plans,
                    MemberInvoiceQueries invoices, CommandGateway commands, MeterRegistry meters, JobRuns jobRuns) {
        this.jobRuns = jobRuns;
        this.commands = commands;
        this.failed = Counter.builder("mutua.jobs.failed").description("Round jobs (pooling, invoicing) that ended in failure")
                .tag("job", "invoicing").register(meters);
        this.jobRepository = jobRepository;
        this.memberInvoicingJob = memberInvoicingJob;
        this.plans = plans;
        this.invoices = invoices;
    }

    /**
     * Checks the round and starts (or restarts) its invoicing in the background; refuses with the reason otherwise. After
     * a failure, the round stops showing it (a retry) before the job runs again.
     */
    public Progress start(GroupementId groupementId, RoundId roundId) {
        Progress progress = progress(groupementId, roundId);
        if ("COMPLETED".equals(progress.status())) {
            throw new ConflictException("billing.round-already-invoiced");
        }
        if ("STARTED".equals(progress.status()) || "STARTING".equals(progress.status())) {
            return progress;
        }
        int total = plans.load(groupementId, roundId).parts().size();
        if (total == 0) {
            throw new ConflictException("billing.nothing-to-invoice");
        }
        if (!"NONE".equals(progress.status())) {
            try {
                commands.sendAndWait(new RetryRoundJobCommand(roundId, groupementId, RoundJob.INVOICING));
            } catch (ConflictException notShownAsFailed) {
                log.debug("Round {}: no invoicing failure to clear ({})", roundId, notShownAsFailed.code());
            }
        }
        Long before = lastExecution(groupementId, roundId);
        Future<Boolean> running = background.submit(() -> run(groupementId, roundId));
        return launched(groupementId, roundId, before, running);
    }

    /**
     * What really happened to a start: once a new execution of the job exists, its progress; if the run ended at once
     * (it could not start, or it failed on its first chunk), a refusal naming why instead of "starting" (issue 15). Still
     * queued after a few seconds behind another round's invoicing on this node: STARTING, which it is.
     */
    private Progress launched(GroupementId groupementId, RoundId roundId, Long before, Future<Boolean> running) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (running.isDone()) {
                Progress after = progress(groupementId, roundId);
                if (!"COMPLETED".equals(after.status())) {
                    throw new ConflictException("billing.invoicing-not-started", after.failure() == null ? after.status() : after.failure());
                }
                return after;
            }
            Long current = lastExecution(groupementId, roundId);
            if (current != null && !current.equals(before)) {
                return progress(groupementId, roundId);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Progress("STARTING", invoices.invoicedMembers(roundId).size(),
                Math.max(progress(groupementId, roundId).total(), invoices.invoicedMembers(roundId).size()), null);
    }

    private Long lastExecution(GroupementId groupementId, RoundId roundId) {
        JobExecution last = jobRuns.last(memberInvoicingJob, parameters(groupementId, roundId));
        return last == null ? null : last.getId();
    }

    /** Runs (or restarts) the round's invoicing on the calling thread; true when it has completed. */
    public synchronized boolean run(GroupementId groupementId, RoundId roundId) {
        try {
            JobRuns.Run run = jobRuns.startOrResume(memberInvoicingJob, parameters(groupementId, roundId));
            if (run.outcome() == JobRuns.Outcome.FAILED) {
                JobExecution execution = run.execution();
                reportFailure(groupementId, roundId, FailureReason.of(execution.getAllFailureExceptions()),
                        jobRepository.getJobExecutions(execution.getJobInstance()).size());
                execution.getAllFailureExceptions().forEach(failure -> log.debug("Invoicing of round {} failed", roundId, failure));
            }
            return run.outcome() == JobRuns.Outcome.COMPLETED;
        } catch (Exception e) {
            reportFailure(groupementId, roundId, FailureReason.of(e), 1);
            log.debug("Invoicing of round {} could not run", roundId, e);
            return false;
        }
    }

    /**
     * One ERROR line with the round and the reason, the count ({@code mutua.jobs.failed}, {@code job=invoicing}) and the
     * failure shown on the round. Invoicing is never retried by itself: the coordinator starts it again.
     */
    private void reportFailure(GroupementId groupementId, RoundId roundId, String reason, int attempt) {
        failed.increment();
        log.error("Invoicing of round {} failed (attempt {}): {}; waiting for the coordinator", roundId, attempt, reason);
        try {
            commands.sendAndWait(new RecordRoundJobFailureCommand(roundId, groupementId, RoundJob.INVOICING, reason, attempt, null));
        } catch (RuntimeException notRecorded) {
            log.warn("The failure of round {}'s invoicing could not be shown on the round: {}", roundId, FailureReason.of(notRecorded));
        }
    }

    public Progress progress(GroupementId groupementId, RoundId roundId) {
        int issued = invoices.invoicedMembers(roundId).size();
        JobExecution last = jobRuns.last(memberInvoicingJob, parameters(groupementId, roundId));
        if (last == null) {
            return new Progress("NONE", issued, issued, null);
        }
        int total = last.getStepExecutions().stream().map(StepExecution::getExecutionContext)
                .filter(context -> context.containsKey("total")).mapToInt(context -> context.getInt("total")).max().orElse(issued);
        String failure = last.getAllFailureExceptions().stream().findFirst()
                .map(e -> e instanceof DomainException domain ? domain.code() : e.getClass().getSimpleName()).orElse(null);
        return new Progress(last.getStatus().name(), issued, Math.max(total, issued), failure);
    }

    @PreDestroy
    public void stop() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
            background.shutdownNow();
        }
    }

    private static JobParameters parameters(GroupementId groupementId, RoundId roundId) {
        return new JobParametersBuilder().addString("groupementId", groupementId.value()).addString("roundId", roundId.value())
                .toJobParameters();
    }
}
