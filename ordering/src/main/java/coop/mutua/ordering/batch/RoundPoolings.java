package coop.mutua.ordering.batch;

import coop.mutua.kernel.FailureReason;
import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.PurchaseRoundClosedEvent;
import coop.mutua.ordering.api.RecordRoundJobFailureCommand;
import coop.mutua.ordering.api.RoundJob;
import coop.mutua.platform.batch.JobRuns;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs a closed round's pooling: as soon as the round closes (an event handler among the rounds' processes,
 * "ordering-process", with the mails), again from the schedule after a failure, with a growing delay and a few attempts
 * at most ({@code mutua.jobs.retry.*}), and then only when the coordinator asks. Each failure is shown on the round with
 * its reason (an event), logged once at ERROR and counted ({@code mutua.jobs.failed}, tag {@code job=pooling}). One job
 * instance per round: a second start of a finished pooling does nothing.
 */
@Component
@ProcessingGroup("ordering-process")
public class RoundPoolings {

    private static final Logger log = LoggerFactory.getLogger(RoundPoolings.class);
    /** First key of the rounds' pooling locks (advisory lock keys are global to the database: this names the kind). */
    private static final int POOLING_LOCK_CLASS = 0x4d504f4c;

    private final JobRepository jobRepository;
    private final Job roundPoolingJob;
    private final PoolingRepository pooling;
    private final CommandGateway commands;
    private final Clock clock;
    private final Counter failed;
    private final int maxAttempts;
    private final Duration firstDelay;
    private final JobRuns jobRuns;
    private final DataSource dataSource;

    RoundPoolings(JobRepository jobRepository, Job roundPoolingJob, PoolingRepository pooling,
                  CommandGateway commands, Clock clock, MeterRegistry meters, JobRuns jobRuns, DataSource dataSource,
                  @Value("${mutua.jobs.retry.attempts:3}") int maxAttempts,
                  @Value("${mutua.jobs.retry.delay:30s}") Duration firstDelay) {
        this.jobRepository = jobRepository;
        this.roundPoolingJob = roundPoolingJob;
        this.pooling = pooling;
        this.commands = commands;
        this.clock = clock;
        this.failed = Counter.builder("mutua.jobs.failed").description("Round jobs (pooling, invoicing) that ended in failure")
                .tag("job", "pooling").register(meters);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.firstDelay = firstDelay;
        this.jobRuns = jobRuns;
        this.dataSource = dataSource;
    }

    /** Jobs run on their own thread: never inside the event processor's transaction, which their chunks would join. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "round-pooling");
        thread.setDaemon(true);
        return thread;
    });

    @EventHandler
    void on(PurchaseRoundClosedEvent event) {
        background.submit(() -> pool(event.roundId()));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("A pooling job was still running at shutdown; it will be restarted at the next start");
            background.shutdownNow();
        }
    }

    /** The coordinator's retry of a failed pooling, in the background (the round shows it running again). */
    public void retryInBackground(RoundId roundId) {
        background.submit(() -> pool(roundId));
    }

    /**
     * From the schedule: pools the round unless its last attempt failed less than the backoff ago, or it has failed as
     * many times as allowed (then it waits for the coordinator). True when the pooling has completed.
     */
    public boolean poolIfDue(RoundId roundId) {
        // The check and the attempt under the round's lock: two schedules (or a schedule and the pooling at close) that
        // both found the attempt due would otherwise make one attempt too many. Held elsewhere: nothing to do now.
        return exclusively(roundId, false, () -> due(roundId) && run(roundId));
    }

    /** Starts the round's pooling, or restarts it after a failure, on the calling thread; true when it has completed. */
    public boolean pool(RoundId roundId) {
        return exclusively(roundId, true, () -> run(roundId));
    }

    /**
     * Runs {@code attempt} holding the round's lock, shared by every thread and node (a PostgreSQL session advisory lock on
     * a connection of its own), waiting for it or, when {@code wait} is false, giving up at once (false) if it is held;
     * and one attempt at a time on this node, as before.
     */
    private boolean exclusively(RoundId roundId, boolean wait, BooleanSupplier attempt) {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, wait ? "SELECT true FROM (SELECT pg_advisory_lock(?, hashtext(?))) AS locked"
                    : "SELECT pg_try_advisory_lock(?, hashtext(?))", roundId)) {
                return false;
            }
            try {
                synchronized (this) {
                    return attempt.getAsBoolean();
                }
            } finally {
                lock(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", roundId);
            }
        } catch (SQLException e) {
            log.error("Pooling of round {} could not take the round's lock: {}", roundId, FailureReason.of(e));
            return false;
        }
    }

    private static boolean lock(Connection connection, String sql, RoundId roundId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, POOLING_LOCK_CLASS);
            statement.setString(2, roundId.value());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** False while the last failed attempt is within its backoff, or when no automatic attempt is left. */
    private boolean due(RoundId roundId) {
        JobInstance instance = jobRepository.getJobInstance(PoolingJobConfiguration.JOB, parameters(roundId));
        if (instance != null) {
            List<JobExecution> executions = jobRepository.getJobExecutions(instance);
            int failures = failures(executions);
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus() != BatchStatus.COMPLETED && !last.getStatus().isRunning()) {
                Instant next = nextAttempt(failures, last);
                return next != null && !clock.instant().isBefore(next);
            }
        }
        return true;
    }

    /** The attempt itself, under the round's lock: start, or restart after a failure; true when the pooling has completed. */
    private boolean run(RoundId roundId) {
        try {
            JobRuns.Run run = jobRuns.startOrResume(roundPoolingJob, parameters(roundId));
            if (run.outcome() == JobRuns.Outcome.FAILED) {
                reportFailure(roundId, run.execution());
            }
            return run.outcome() == JobRuns.Outcome.COMPLETED;
        } catch (Exception e) {
            log.error("Pooling of round {} could not start: {}", roundId, FailureReason.of(e));
            log.debug("Pooling of round {} could not start", roundId, e);
            return false;
        }
    }

    /** One ERROR line with the round and the reason, the count, and the failure shown on the round. */
    private void reportFailure(RoundId roundId, JobExecution execution) {
        failed.increment();
        String reason = FailureReason.of(execution.getAllFailureExceptions());
        JobInstance instance = execution.getJobInstance();
        int attempt = failures(jobRepository.getJobExecutions(instance));
        Instant next = nextAttempt(attempt, execution);
        log.error("Pooling of round {} failed (attempt {} of {} automatic): {}; {}", roundId, attempt, maxAttempts, reason,
                next == null ? "waiting for the coordinator" : "next attempt at " + next);
        execution.getAllFailureExceptions().forEach(failure -> log.debug("Pooling of round {} failed", roundId, failure));
        pooling.round(roundId).ifPresent(round -> {
            try {
                commands.sendAndWait(new RecordRoundJobFailureCommand(roundId, round.groupementId(), RoundJob.POOLING, reason,
                        attempt, next));
            } catch (RuntimeException notRecorded) {
                log.warn("The failure of round {}'s pooling could not be shown on the round: {}", roundId,
                        FailureReason.of(notRecorded));
            }
        });
    }

    /** When the schedule tries again after {@code failures} failed attempts: a delay growing fourfold, none past the last. */
    private Instant nextAttempt(int failures, JobExecution last) {
        if (failures >= maxAttempts) {
            return null;
        }
        Instant ended = last.getEndTime() == null ? clock.instant() : last.getEndTime().atZone(ZoneId.systemDefault()).toInstant();
        return ended.plus(firstDelay.multipliedBy(1L << (2 * Math.max(0, Math.min(failures - 1, 10)))));
    }

    private static int failures(List<JobExecution> executions) {
        return (int) executions.stream().filter(e -> !e.getStatus().isRunning() && e.getStatus() != BatchStatus.COMPLETED).count();
    }

    private static JobParameters parameters(RoundId roundId) {
        return new JobParametersBuilder().addString("roundId", roundId.value()).toJobParameters();
    }
}
