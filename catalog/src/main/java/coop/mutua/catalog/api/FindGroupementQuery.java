package coop.mutua.catalog.api;

import coop.mutua.kernel.GroupementId;

/** One groupement's identity; answers with a {@link GroupementSummary} or nothing. */
public record FindGroupementQuery(GroupementId groupementId) {
}
