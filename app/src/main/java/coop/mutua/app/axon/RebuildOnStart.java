package coop.mutua.app.axon;

import coop.mutua.kernel.DomainException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The command-line switch: {@code --mutua.rebuild=all} (or read model names, comma-separated) starts a rebuild once
 * the service is up; it keeps answering meanwhile, and the log and the operator's page show the progress.
 */
@Component
class RebuildOnStart {

    private static final Logger log = LoggerFactory.getLogger(RebuildOnStart.class);

    private final ReadModelRebuilds rebuilds;
    private final String names;

    RebuildOnStart(ReadModelRebuilds rebuilds, @Value("${mutua.rebuild:}") String names) {
        this.rebuilds = rebuilds;
        this.names = names;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        if (!names.isBlank()) {
            log.info("Rebuild asked on the command line: {}", names);
            try {
                rebuilds.start(Arrays.stream(names.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList());
            } catch (DomainException refused) {
                // Another node rebuilds, or a name is unknown: the node serves as it is (stopping it would help nobody).
                log.warn("Rebuild asked on the command line not started: {}", refused.getMessage());
            } catch (RuntimeException failed) {
                log.error("Rebuild asked on the command line could not start", failed);
            }
        }
    }
}
