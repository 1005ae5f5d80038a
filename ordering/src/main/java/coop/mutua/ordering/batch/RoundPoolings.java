package coop.mutua.ordering.batch;

import coop.mutua.kernel.RoundId;
import coop.mutua.ordering.api.PurchaseRoundClosedEvent;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs a closed round's pooling: as soon as the round closes (event handler, its own tracking processor), and again
 * from the schedule for any closed round not yet pooled (a failed or interrupted job is restarted where it stopped).
 * One job instance per round: a second start of a finished pooling does nothing.
 */
@Component
@ProcessingGroup("ordering-process")
public class RoundPoolings {

    private static final Logger log = LoggerFactory.getLogger(RoundPoolings.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job roundPoolingJob;

    RoundPoolings(JobOperator jobOperator, JobRepository jobRepository, Job roundPoolingJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.roundPoolingJob = roundPoolingJob;
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

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        recoverInterrupted();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("A pooling job was still running at shutdown; it will be restarted at the next start");
            background.shutdownNow();
        }
    }

    /** Starts the round's pooling, or restarts it after a failure, on the calling thread; true when it has completed. */
    public synchronized boolean pool(RoundId roundId) {
        JobParameters parameters = new JobParametersBuilder().addString("roundId", roundId.value()).toJobParameters();
        try {
            JobInstance instance = jobRepository.getJobInstance(PoolingJobConfiguration.JOB, parameters);
            JobExecution execution;
            if (instance == null) {
                execution = jobOperator.start(roundPoolingJob, parameters);
            } else {
                JobExecution last = jobRepository.getLastJobExecution(instance);
                if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                    return true;
                }
                if (last != null && last.getStatus().isRunning()) {
                    return false;
                }
                execution = last == null ? jobOperator.start(roundPoolingJob, parameters) : jobOperator.restart(last);
            }
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                log.error("Pooling of round {} ended {}: {}", roundId, execution.getStatus(), execution.getAllFailureExceptions());
            }
            return execution.getStatus() == BatchStatus.COMPLETED;
        } catch (JobInstanceAlreadyCompleteException done) {
            return true;
        } catch (JobExecutionAlreadyRunningException running) {
            return false;
        } catch (Exception e) {
            log.error("Pooling of round {} could not run", roundId, e);
            return false;
        }
    }

    /**
     * Pooling executions left running by a node that stopped without finishing them (a crash): marked failed so that
     * they can be restarted. Called once the application is ready; executions this JVM created since it started (the
     * event processors may already be pooling a round closed just before) are not touched.
     */
    public void recoverInterrupted() {
        java.time.LocalDateTime started = java.time.LocalDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()),
                java.time.ZoneId.systemDefault());
        for (JobInstance instance : jobRepository.getJobInstances(PoolingJobConfiguration.JOB, 0, Integer.MAX_VALUE)) {
            List<JobExecution> executions = jobRepository.getJobExecutions(instance);
            for (JobExecution execution : executions) {
                boolean before = execution.getCreateTime() != null && execution.getCreateTime().isBefore(started);
                if (execution.getStatus().isRunning() && before) {
                    log.warn("Pooling execution {} was interrupted; it will be restarted", execution.getId());
                    jobOperator.recover(execution);
                }
            }
        }
    }
}
