package coop.mutua.app.batch;

import coop.mutua.kernel.JobRecovery;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every job execution has an owner: the node that started it, which beats every {@code mutua.jobs.heartbeat} (5 s) in
 * {@code job_node}. A node makes restartable only the executions of nodes that stopped beating for
 * {@code mutua.jobs.node-timeout} (30 s), and those left UNKNOWN; so a node starting while another invoices leaves that
 * invoicing alone (issue 15), and rolling deploys are safe. One place for every job of every context (pooling, invoicing,
 * catalog imports): registered as a listener of each Job bean.
 */
@Component
class JobNodes implements JobRecovery, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(JobNodes.class);

    private final JdbcClient jdbc;
    private final JobRepository jobRepository;
    private final ApplicationContext context;
    private final Clock clock;
    private final Duration timeout;
    private final String nodeId = UUID.randomUUID().toString();

    JobNodes(JdbcClient jdbc, JobRepository jobRepository, ApplicationContext context, Clock clock,
             @Value("${mutua.jobs.node-timeout:30s}") Duration timeout) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
        this.context = context;
        this.clock = clock;
        this.timeout = timeout;
    }

    String nodeId() {
        return nodeId;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "?";
        }
        jdbc.sql("INSERT INTO job_node (node_id, host, started_at, beat_at) VALUES (:id, :host, :now, :now)")
                .param("id", nodeId).param("host", host).param("now", Timestamp.from(clock.instant())).update();
        JobExecutionListener owner = new JobExecutionListener() {
            @Override
            public void beforeJob(JobExecution execution) {
                jdbc.sql("""
                                INSERT INTO job_execution_owner (job_execution_id, node_id) VALUES (:execution, :node)
                                ON CONFLICT (job_execution_id) DO UPDATE SET node_id = :node""")
                        .param("execution", execution.getId()).param("node", nodeId).update();
            }
        };
        for (Map.Entry<String, Job> job : context.getBeansOfType(Job.class).entrySet()) {
            if (job.getValue() instanceof AbstractJob registrable) {
                registrable.registerJobExecutionListener(owner);
            } else {
                log.warn("Job {} cannot record its owner node: its executions are recovered only once old", job.getKey());
            }
        }
    }

    /** A node that stops on purpose lets the others recover its executions at once (a rolling deploy). */
    @PreDestroy
    void leave() {
        try {
            jdbc.sql("UPDATE job_node SET beat_at = :past WHERE node_id = :id").param("past", Timestamp.from(Instant.EPOCH))
                    .param("id", nodeId).update();
        } catch (RuntimeException databaseGone) {
            log.debug("Node {} could not say it leaves: {}", nodeId, databaseGone.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${mutua.jobs.heartbeat:5s}")
    void beat() {
        jdbc.sql("UPDATE job_node SET beat_at = :now WHERE node_id = :id").param("now", Timestamp.from(clock.instant()))
                .param("id", nodeId).update();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        recoverAbandoned();
    }

    @Scheduled(fixedDelayString = "${mutua.jobs.recovery-every:15s}", initialDelayString = "${mutua.jobs.recovery-every:15s}")
    void sweep() {
        recoverAbandoned();
    }

    @Override
    public synchronized int recoverAbandoned() {
        Instant silentSince = clock.instant().minus(timeout);
        record Candidate(long id, String status, String owner, Instant ownerBeat, Instant created) {
        }
        List<Candidate> candidates = jdbc.sql("""
                        SELECT e.job_execution_id, e.status, o.node_id, n.beat_at, e.create_time
                        FROM batch_job_execution e
                        LEFT JOIN job_execution_owner o ON o.job_execution_id = e.job_execution_id
                        LEFT JOIN job_node n ON n.node_id = o.node_id
                        WHERE e.status IN ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')""")
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .list();
        int recovered = 0;
        for (Candidate candidate : candidates) {
            boolean ownerAlive = candidate.owner() != null && (nodeId.equals(candidate.owner())
                    || candidate.ownerBeat() != null && candidate.ownerBeat().isAfter(silentSince));
            boolean unowned = candidate.owner() == null && candidate.created() != null && candidate.created().isBefore(silentSince);
            boolean abandoned = candidate.owner() != null ? !ownerAlive : unowned;
            boolean unknown = "UNKNOWN".equals(candidate.status());
            // UNKNOWN is never running: its last commit's outcome is uncertain, and every Mutua job resumes safely.
            if (abandoned || unknown) {
                JobExecution execution = jobRepository.getJobExecution(candidate.id());
                if (execution != null) {
                    markFailed(execution, unknown ? "left UNKNOWN" : "its node " + candidate.owner() + " stopped");
                    recovered++;
                }
            }
        }
        // Nodes silent for long are forgotten (their executions were recovered above).
        jdbc.sql("DELETE FROM job_node WHERE beat_at < :old").param("old", Timestamp.from(clock.instant().minus(timeout.multipliedBy(20))))
                .update();
        return recovered;
    }

    /** As Spring Batch's own recovery does, for the execution and its unfinished steps: FAILED, ended now, restartable. */
    private void markFailed(JobExecution execution, String why) {
        log.warn("Job execution {} ({} of {}) was {}: made restartable", execution.getId(), execution.getJobInstance().getJobName(),
                execution.getJobParameters(), why);
        LocalDateTime now = LocalDateTime.now(clock);
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(step.getExitStatus().replaceExitCode("FAILED").addExitDescription("Recovered: " + why));
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(execution.getExitStatus().replaceExitCode("FAILED").addExitDescription("Recovered: " + why));
        execution.setEndTime(now);
        jobRepository.update(execution);
    }
}
