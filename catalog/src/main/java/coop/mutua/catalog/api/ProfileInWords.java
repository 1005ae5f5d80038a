package coop.mutua.catalog.api;

import java.util.List;

/**
 * A {@link ResponsibleProfile} as a page or the API shows it, in the reader's language: each dimension met or not with
 * its evidence in words, the distance to the buyer's hub and the product's stated origin (either may be unknown).
 */
public record ProfileInWords(Said social, Said environmental, Said local, Long distanceKm, String origin) {

    /** One dimension in words: met or not, and its evidence. */
    public record Said(boolean met, List<String> evidence) {

        public Said {
            evidence = List.copyOf(evidence);
        }
    }
}
