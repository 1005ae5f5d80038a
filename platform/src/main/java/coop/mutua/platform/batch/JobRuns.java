package coop.mutua.platform.batch;

import coop.mutua.kernel.JobRecovery;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Runs a job instance to its end on the calling thread, the same way for every job whose runs may be repeated (the
 * pooling, the invoicing): started the first time, restarted after a failure (from its last committed chunk), not run
 * again once completed, left alone while it runs (here or on another node). An execution left UNKNOWN by an uncertain
 * commit is first made restartable by {@link JobRecovery}, which also recovers those of nodes that died.
 */
@Component
public class JobRuns {

    /** How the call ended: the job has completed (now or before), is running elsewhere, or failed this time. */
    public enum Outcome {
        COMPLETED, RUNNING, FAILED
    }

    /** The outcome, with the execution that ran when there was one (for its failures and its attempt count). */
    public record Run(Outcome outcome, JobExecution execution) {
    }

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JobRecovery recovery;

    JobRuns(JobRepository jobRepository, JobOperator jobOperator, JobRecovery recovery) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.recovery = recovery;
    }

    /** The last execution of the job instance with these parameters, or null when it never ran. */
    public JobExecution last(Job job, JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
        return instance == null ? null : jobRepository.getLastJobExecution(instance);
    }

    /** Starts, restarts or leaves the instance as its last execution says; what a failure to launch throws is the caller's. */
    public Run startOrResume(Job job, JobParameters parameters) throws Exception {
        JobExecution last = last(job, parameters);
        if (last != null && last.getStatus() == BatchStatus.UNKNOWN) {
            recovery.recoverAbandoned();
            last = last(job, parameters);
        }
        if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
            return new Run(Outcome.COMPLETED, last);
        }
        if (last != null && last.getStatus().isRunning()) {
            return new Run(Outcome.RUNNING, last);
        }
        try {
            JobExecution execution = last == null ? jobOperator.start(job, parameters) : jobOperator.restart(last);
            return new Run(execution.getStatus() == BatchStatus.COMPLETED ? Outcome.COMPLETED : Outcome.FAILED, execution);
        } catch (JobInstanceAlreadyCompleteException completedMeanwhile) {
            return new Run(Outcome.COMPLETED, last(job, parameters));
        } catch (JobExecutionAlreadyRunningException startedMeanwhile) {
            return new Run(Outcome.RUNNING, last(job, parameters));
        }
    }
}
