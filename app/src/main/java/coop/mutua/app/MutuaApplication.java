package coop.mutua.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mutua: pooled purchasing for social and solidarity economy structures. */
@SpringBootApplication(scanBasePackages = "coop.mutua")
@EnableScheduling
public class MutuaApplication {

    public static void main(String[] args) {
        // Axon's usage reporter would call the vendor's site at start-up: never, whatever the configuration says.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(MutuaApplication.class, args);
    }
}
