package coop.mutua.billing.application;

import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.documents.FacturX;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders invoices' files (PDF made Factur-X) on threads of their own, as many as the machine has cores unless
 * {@code mutua.billing.render-threads} says otherwise. Rendering is pure computation on a document already numbered
 * and dated: the issuing transaction stays on its own thread, which stores each invoice as its file comes.
 */
@Component
public class InvoiceRendering {

    private final ExecutorService threads;

    InvoiceRendering(@Value("${mutua.billing.render-threads:0}") int configured) {
        int count = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        AtomicInteger created = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "invoice-rendering-" + created.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Each document's file, in the same order, rendering in the background. */
    public List<Future<byte[]>> render(List<InvoiceDocument> documents) {
        // Always on these threads, even one file: each keeps its parsed font (InvoicePdf), which request threads should not.
        return documents.stream().map(document -> threads.submit(() -> FacturX.of(document))).toList();
    }

    /** The file, once rendered; a rendering failure is thrown as it was. */
    public static byte[] await(Future<byte[]> file) {
        try {
            return file.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an invoice was rendered", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        threads.shutdown();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
