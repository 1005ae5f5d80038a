package coop.mutua.billing.application;

import coop.mutua.billing.api.FindSupplierInvoicesQuery;
import coop.mutua.billing.api.ImpactFigures;
import coop.mutua.billing.api.ImpactView;
import coop.mutua.billing.api.InvoiceContent.VatBreakdown;
import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.domain.ImpactReport;
import coop.mutua.billing.domain.ImpactReport.Figures;
import coop.mutua.billing.domain.ImpactReport.SupplierFacts;
import coop.mutua.billing.domain.ThreeWayMatch;
import coop.mutua.billing.query.MemberInvoiceQueries;
import coop.mutua.billing.query.SupplierInvoiceQueries;
import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.CsvCells;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.FindMemberPurchasesQuery;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.MemberPurchases;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Impact reports (per round or over every pooled round; a member sees its own purchases only) and the accounting
 * exports (sales per VAT rate per member invoice, purchases per VAT rate per supplier invoice), as data and as CSV
 * (semicolon, decimal comma, UTF-8 with a byte-order mark, as French spreadsheets expect).
 */
@Component
public class ReportingPurchases {

    private static final Set<SupplierLabel> ESS_LABELS = EnumSet.of(SupplierLabel.ESUS, SupplierLabel.IAE, SupplierLabel.EA_ESAT);

    private final QueryGateway queries;
    private final MemberInvoiceQueries memberInvoices;
    private final SupplierInvoiceQueries supplierInvoices;
    private final int localKm;
    private final MessageSource messages;

    ReportingPurchases(QueryGateway queries, MemberInvoiceQueries memberInvoices, SupplierInvoiceQueries supplierInvoices,
            @Value("${mutua.reports.local-km:100}") int localKm, MessageSource messages) {
        this.messages = messages;
        this.queries = queries;
        this.memberInvoices = memberInvoices;
        this.supplierInvoices = supplierInvoices;
        this.localKm = localKm;
    }

    /** One round's report (the round must be pooled to have figures). */
    public ImpactView round(Actor actor, RoundId roundId) {
        PurchaseRoundSummary round = queries.query(new FindPurchaseRoundQuery(actor.groupementId(), roundId),
                ResponseTypes.optionalInstanceOf(PurchaseRoundSummary.class)).join()
                .filter(found -> found.status().visibleTo(actor.role()))
                .orElseThrow(() -> new NotFoundException("round", roundId));
        return report(actor, round.title(), roundId);
    }

    /** Every pooled round of the groupement (a member: its own purchases in them). */
    public ImpactView impact(Actor actor) {
        return report(actor, null, null);
    }

    /**
     * From what members received (supplier orders RECEIVED or INVOICED: orders still to deliver, awaiting a decision or
     * cancelled count for nothing yet), added up per member and supplier by the supplier orders' read model (ADR 21):
     * years of rounds are read as a few thousand totals, not millions of shares.
     */
    private ImpactView report(Actor actor, String scope, RoundId roundId) {
        MemberId only = actor.is(Role.MEMBER) ? actor.memberId() : null;
        if (actor.is(Role.SUPPLIER)) {
            throw new NotFoundException("report", scope);
        }
        Map<SupplierId, SupplierSummary> suppliers = new HashMap<>();
        queries.query(new FindSuppliersQuery(actor.groupementId()), ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join()
                .forEach(supplier -> suppliers.put(supplier.id(), supplier));
        Map<SupplierId, SupplierFacts> facts = new HashMap<>();
        suppliers.forEach((id, supplier) -> facts.put(id, new SupplierFacts(supplier.name(),
                supplier.essFamily() != null || supplier.labels().stream().anyMatch(ESS_LABELS::contains), supplier.distanceKm() <= localKm)));
        List<ImpactReport.Total> totals = queries.query(new FindMemberPurchasesQuery(actor.groupementId(), roundId, only),
                        ResponseTypes.multipleInstancesOf(MemberPurchases.class)).join().stream()
                .map(row -> new ImpactReport.Total(row.memberId(), row.supplierId(), row.spendCents(), row.listCents(), row.organicCents()))
                .toList();
        ImpactReport.Report report = ImpactReport.ofTotals(totals, facts);
        Map<MemberId, String> memberNames = new HashMap<>();
        queries.query(new FindMembersQuery(actor.groupementId()), ResponseTypes.multipleInstancesOf(MemberSummary.class)).join()
                .forEach(member -> memberNames.put(member.id(), member.name()));
        List<ImpactView.Row> members = rows(report.byMember(), id -> id.value(), id -> memberNames.getOrDefault(id, id.value()));
        List<ImpactView.Row> bySupplier = rows(report.bySupplier(), id -> id.value(),
                id -> suppliers.containsKey(id) ? suppliers.get(id).name() : id.value());
        return new ImpactView(scope, figures(report.total()), members, bySupplier, localKm);
    }

    private static <K> List<ImpactView.Row> rows(Map<K, Figures> figures, Function<K, String> id, Function<K, String> name) {
        List<ImpactView.Row> rows = new ArrayList<>();
        figures.forEach((key, value) -> rows.add(new ImpactView.Row(id.apply(key), name.apply(key), figures(value))));
        rows.sort(Comparator.comparing(ImpactView.Row::name));
        return rows;
    }

    public static ImpactFigures figures(Figures figures) {
        return new ImpactFigures(Money.ofCents(figures.spendCents()), Money.ofCents(figures.listCents()), Money.ofCents(figures.savingsCents()),
                figures.savingsPercent(), Money.ofCents(figures.essCents()), figures.essPercent(), Money.ofCents(figures.organicCents()),
                figures.organicPercent(), Money.ofCents(figures.localCents()), figures.localPercent());
    }

    public static byte[] csv(ImpactView view) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("Portée;Nom;Dépense HT;Au prix catalogue HT;Économie HT;Économie %;ESS HT;ESS %;Bio HT;Bio %;Local HT;Local %\r\n");
        row(csv, "Total", view.scope() == null ? "Toutes les campagnes" : view.scope(), view.total());
        view.members().forEach(member -> row(csv, "Adhérent", member.name(), member.figures()));
        view.suppliers().forEach(supplier -> row(csv, "Fournisseur", supplier.name(), supplier.figures()));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, String scope, String name, ImpactFigures f) {
        csv.append(scope).append(';').append(cell(name));
        for (Object value : new Object[] {f.spend(), f.listPrice(), f.savings(), f.savingsPercent(), f.ess(), f.essPercent(),
                f.organic(), f.organicPercent(), f.local(), f.localPercent()}) {
            csv.append(';').append(value.toString().replace('.', ','));
        }
        csv.append("\r\n");
    }

    /** Sales: one row per member invoice or credit note and VAT rate (credit notes negative), by number. */
    public byte[] salesCsv(Actor actor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeSales(actor, out);
        return out.toByteArray();
    }

    /** The same written as the invoices are read (years of invoices, in constant memory). */
    public void writeSales(Actor actor, OutputStream out) {
        CsvOut csv = new CsvOut(out);
        csv.row("\uFEFFNuméro;Type;Date;Campagne;Adhérent;SIRET;Taux TVA;Base HT;TVA;TTC");
        memberInvoices.forEachSale(actor.groupementId(), sale -> {
            MemberInvoiceView invoice = sale.invoice();
            int sign = invoice.creditNote() ? -1 : 1;
            for (VatBreakdown vat : sale.vat()) {
                csv.row(invoice.number() + ';' + (invoice.creditNote() ? "Avoir" : "Facture") + ';' + invoice.issueDate() + ';'
                        + cell(sale.roundTitle()) + ';' + cell(invoice.memberName()) + ';'
                        + sale.buyerSiret() + ';' + (vat.rate() == null ? "exonéré" : vat.rate().toString().replace('.', ','))
                        + ';' + amount(sign * vat.baseCents()) + ';' + amount(sign * vat.vatCents()) + ';'
                        + amount(sign * (vat.baseCents() + vat.vatCents())));
            }
        });
        csv.flush();
    }

    /** Purchases: one row per supplier invoice or credit note and VAT rate (credit notes negative). */
    public byte[] purchasesCsv(Actor actor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writePurchases(actor, out);
        return out.toByteArray();
    }

    /** The same written as the invoices are read. */
    public void writePurchases(Actor actor, OutputStream out) {
        Map<SupplierId, String> names = new HashMap<>();
        queries.query(new FindSuppliersQuery(actor.groupementId()), ResponseTypes.multipleInstancesOf(SupplierSummary.class)).join()
                .forEach(supplier -> names.put(supplier.id(), supplier.name()));
        CsvOut csv = new CsvOut(out);
        csv.row("\uFEFFNuméro fournisseur;Type;Date;Fournisseur;État;Taux TVA;Base HT;TVA;TTC");
        supplierInvoices.forEach(actor.groupementId(), invoice -> {
            int sign = invoice.creditNote() ? -1 : 1;
            // The state in the file's language (its headers are French), as the billing page shows it: "Conforme", not MATCHED.
            String status = messages.getMessage("billing.supplier-status." + invoice.status(), null, String.valueOf(invoice.status()),
                    Locale.FRENCH);
            Map<VatRate, Long> bases = ThreeWayMatch.basesPerRate(invoice.lines(), invoice.charges());
            invoice.vat().keySet().forEach(rate -> bases.putIfAbsent(rate, 0L));
            bases.forEach((rate, base) -> {
                long vat = invoice.vat().getOrDefault(rate, Money.ZERO).cents();
                csv.row(cell(invoice.number()) + ';' + (invoice.creditNote() ? "Avoir" : "Facture") + ';' + invoice.issueDate() + ';'
                        + cell(names.getOrDefault(invoice.supplierId(), "")) + ';' + cell(status) + ';' + rate.toString().replace('.', ',')
                        + ';' + amount(sign * base) + ';' + amount(sign * vat) + ';' + amount(sign * (base + vat)));
            });
        });
        csv.flush();
    }

    /** CSV lines (CRLF) in UTF-8 onto a stream, buffered. */
    private static final class CsvOut {

        private final Writer writer;

        CsvOut(OutputStream out) {
            this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        void row(String line) {
            try {
                writer.write(line);
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void flush() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String amount(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString().replace('.', ',');
    }

    private static String cell(String text) {
        return CsvCells.text(text);
    }
}
