package coop.mutua.app.support;

import coop.mutua.billing.api.InvoiceContent;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.InvoiceDocument.Parties;
import coop.mutua.billing.api.InvoiceDocument.Party;
import coop.mutua.billing.api.InvoiceDocument.PaymentTerms;
import coop.mutua.billing.api.InvoiceDocument.Sale;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.VatRegime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Events as revision 1 wrote them, captured from the event table of the previous version ({@code /events/*-revision-1.json},
 * ids and the buyer's e-mail replaced by placeholders such as {@code GROUPEMENT}), and what they must read as now.
 */
public final class RevisionOneEvents {

    private RevisionOneEvents() {
    }

    /**
     * The invoice of the member invoice fixture as this version builds it, given its lines (checked apart) and the
     * buyer's e-mail address that replaced {@code BUYER_EMAIL}.
     */
    public static InvoiceDocument invoice(InvoiceContent draft, String buyerEmail) {
        return InvoiceDocument.invoice("2026-00002",
            LocalDate.of(2026, 12, 2), new Parties(
                    new Party("Achats Solidaires Gironde", "81415207700016", "FR26814152077",
                            new Address("12 quai de Brazza", "33100", "Bordeaux", "FR"), "coordination@achats-solidaires-gironde.fr"),
                    VatRegime.REGISTERED,
                    new Party("Crèche parentale Les Petits Pas", "48762310900013", null,
                            new Address("41 rue de Bègles", "33800", "Bordeaux", "FR"), buyerEmail)),
            new Sale("2b2da15b-ac41-3f16-a074-cbb9b6afa9e4", "Commande groupée d'automne", LocalDate.of(2026, 12, 4)), draft,
            new PaymentTerms(LocalDate.of(2027, 1, 1), "trois fois le taux d'intérêt légal"));
    }

    /** A payload as revision 1 wrote it, captured from the event table (ids replaced by placeholders). */
    public static String payload(String type) throws IOException {
        try (InputStream fixture = RevisionOneEvents.class.getResourceAsStream("/events/" + type + "-revision-1.json")) {
            return new String(fixture.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
