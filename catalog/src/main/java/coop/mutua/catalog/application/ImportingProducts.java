package coop.mutua.catalog.application;

import coop.mutua.catalog.api.ImportMode;
import coop.mutua.catalog.api.ImportReport;
import coop.mutua.catalog.api.ImportStatus;
import coop.mutua.catalog.batch.ImportRepository;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.SupplierId;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Starting catalog imports and reading their reports. Pages start them in the background, the API waits for them. */
@Service
public class ImportingProducts {

    private static final Logger log = LoggerFactory.getLogger(ImportingProducts.class);

    private final ImportRepository imports;
    private final JobOperator jobOperator;
    private final Job productImportJob;
    private final ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "catalog-import");
        thread.setDaemon(true);
        return thread;
    });
    private final long maxBytes;

    ImportingProducts(ImportRepository imports, JobOperator jobOperator, Job productImportJob,
                   @Value("${mutua.imports.max-bytes:20000000}") long maxBytes) {
        this.imports = imports;
        this.jobOperator = jobOperator;
        this.productImportJob = productImportJob;
        this.maxBytes = maxBytes;
    }

    /** Records the file and runs the import in the background; the report shows its progress. */
    public String start(Actor actor, SupplierId supplierId, String fileName, byte[] content, ImportMode mode) {
        String id = create(actor, supplierId, fileName, content, mode);
        background.execute(() -> run(id));
        return id;
    }

    /** Records the file and runs the import now; returns when it is done (or rejected, or failed). */
    public ImportReport runNow(Actor actor, SupplierId supplierId, String fileName, byte[] content, ImportMode mode) {
        String id = create(actor, supplierId, fileName, content, mode);
        run(id);
        return report(actor.groupementId(), id);
    }

    public ImportReport report(GroupementId groupementId, String id) {
        return imports.report(groupementId, id, 10_000).orElseThrow(() -> new NotFoundException("import", id));
    }

    private String create(Actor actor, SupplierId supplierId, String fileName, byte[] content, ImportMode mode) {
        if (content == null || content.length == 0) {
            throw new DomainException("csv.empty");
        }
        if (content.length > maxBytes) {
            throw new DomainException("csv.too-large", maxBytes / 1_000_000);
        }
        String id = UUID.randomUUID().toString();
        imports.create(id, actor.groupementId(), supplierId, actor.userId().value(), shownName(fileName), content, mode);
        return id;
    }

    /**
     * The file's name as the report shows it: its last path segment (some browsers send the whole path), without control
     * characters, at most 255 characters with its extension kept; "catalogue.csv" when there is none. A name is only shown,
     * never used to open anything: a long or odd one is shortened, not refused (it was a 500, issue 15).
     */
    public static String shownName(String fileName) {
        if (fileName == null) {
            return "catalogue.csv";
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Cs}]", "").strip();
        if (name.isEmpty()) {
            return "catalogue.csv";
        }
        if (name.length() <= 255) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, 255 - extension.length() - 1) + "…" + extension;
    }

    /** Lets running imports finish their chunk before the application (and its database) stops. */
    @PreDestroy
    public void stop() throws InterruptedException {
        background.shutdown();
        if (!background.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("Catalog imports still running at shutdown; they will show as failed");
            background.shutdownNow();
        }
    }

    private void run(String importId) {
        try {
            JobParameters parameters = new JobParametersBuilder().addString("importId", importId).toJobParameters();
            jobOperator.start(productImportJob, parameters);
        } catch (Exception e) {
            log.error("Catalog import {} could not run", importId, e);
            imports.finish(importId, ImportStatus.FAILED, e.getMessage());
        }
    }
}
