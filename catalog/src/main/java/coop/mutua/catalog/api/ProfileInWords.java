package coop.mutua.catalog.api;

import java.util.List;

/**
 * A {@link ResponsibleProfile} as a page or the API shows it, in the reader's language: each dimension met or not with
 * its evidence in words, the distance to the buyer's hub and the product's stated origin (either may be unknown).
 */
public record ProfileInWords(Dimension social, Dimension environmental, Dimension local, Long distanceKm, String origin) {

    public record Dimension(boolean met, List<String> evidence) {

        public Dimension {
            evidence = List.copyOf(evidence);
        }
    }
}
