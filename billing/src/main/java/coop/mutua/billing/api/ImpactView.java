package coop.mutua.billing.api;

import java.util.List;

/** A report: the figures of a scope (a round, or every pooled round), and by member and by supplier. */
public record ImpactView(String scope, ImpactFigures total, List<Row> members, List<Row> suppliers, int localKm) {

    public record Row(String id, String name, ImpactFigures figures) {
    }
}
