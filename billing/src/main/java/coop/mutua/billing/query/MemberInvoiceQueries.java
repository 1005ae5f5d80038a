package coop.mutua.billing.query;

import coop.mutua.billing.api.FindMemberInvoicesQuery;
import coop.mutua.billing.api.FindUnpaidInvoicesQuery;
import coop.mutua.billing.api.InvoiceContent.VatBreakdown;
import coop.mutua.billing.api.InvoiceDocument;
import coop.mutua.billing.api.MemberInvoiceStatus;
import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.UnpaidInvoices;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.RoundId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/** Reads member invoices and their files, always within one groupement. */
@Component
public class MemberInvoiceQueries {

    /** The projection that writes what this reads (subscribing: no catch-up needed). */
    public static final String PROJECTION = "billing-member-invoices";

    private final JdbcClient jdbc;

    MemberInvoiceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Added up by PostgreSQL over the unpaid ones only (a partial index): years of paid invoices are not read. */
    @QueryHandler
    public UnpaidInvoices handle(FindUnpaidInvoicesQuery query) {
        return jdbc.sql("""
                SELECT count(*), coalesce(sum(total_incl_vat), 0) FROM member_invoice
                WHERE groupement_id = :groupement AND status = 'ISSUED' AND NOT credit_note""")
                .param("groupement", query.groupementId().value())
                .query((rs, n) -> new UnpaidInvoices(rs.getLong(1), Money.ofCents(rs.getLong(2)))).single();
    }

    /** Invoices (not their documents) by number; with an invoice id, that one with its document. */
    @QueryHandler
    public List<MemberInvoiceView> handle(FindMemberInvoicesQuery query) {
        return find(query, query.invoiceId() != null);
    }

    /** What the sales export needs of an invoice: the invoice, its round's title, the buyer's SIRET, its VAT per rate. */
    public record Sale(MemberInvoiceView invoice, String roundTitle, String buyerSiret, List<VatBreakdown> vat) {
    }

    /**
     * Every invoice and credit note of the groupement, by number, one after the other as PostgreSQL sends them (a
     * cursor, a few hundred rows at a time), with the three parts of its document the sales export prints (read out of
     * the JSON by PostgreSQL, not the whole document): the export of years of invoices in constant memory.
     */
    @Transactional(readOnly = true)
    public void forEachSale(GroupementId groupementId, Consumer<Sale> action) {
        jdbc.sql("SELECT " + COLUMNS + ", document -> 'sale' ->> 'roundTitle' AS round_title, "
                        + "document -> 'parties' -> 'buyer' ->> 'siret' AS siret, document -> 'draft' -> 'vat' AS vat "
                        + "FROM member_invoice WHERE groupement_id = :groupement ORDER BY number")
                .param("groupement", groupementId.value()).withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> action.accept(new Sale(view(rs, false), rs.getString("round_title"), rs.getString("siret"),
                        InvoiceJson.read(rs.getString("vat"), new TypeReference<List<VatBreakdown>>() { }))));
    }

    /** Rows per round trip when streaming (a cursor needs the transaction the method opens). */
    private static final int FETCH_SIZE = 250;

    /** One page of the invoices and credit notes by number (or the latest first), with how many there are in all. */
    public Page<MemberInvoiceView> page(FindMemberInvoicesQuery query, Paging paging, boolean latestFirst) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(query, params);
        List<MemberInvoiceView> items = jdbc.sql("SELECT " + COLUMNS + " FROM member_invoice " + where + " ORDER BY number" + (latestFirst ? " DESC" : "")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset()).query((rs, row) -> view(rs, false)).list();
        return Page.of(items, paging, () -> jdbc.sql("SELECT count(*) FROM member_invoice " + where).params(params).query(Long.class).single());
    }

    private static final String COLUMNS = "id, round_id, member_id, member_name, number, credit_note, issue_date, due_date, "
            + "total_excl_vat, vat_total, total_incl_vat, status, paid_on, related_id";

    private List<MemberInvoiceView> find(FindMemberInvoicesQuery query, boolean withDocument) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + (withDocument ? ", document" : "") + " FROM member_invoice ")
                .append(where(query, params)).append(" ORDER BY number");
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> view(rs, withDocument)).list();
    }

    private static StringBuilder where(FindMemberInvoicesQuery query, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("WHERE groupement_id = :groupement");
        params.put("groupement", query.groupementId().value());
        if (query.roundId() != null) {
            sql.append(" AND round_id = :round");
            params.put("round", query.roundId().value());
        }
        if (query.memberId() != null) {
            sql.append(" AND member_id = :member");
            params.put("member", query.memberId().value());
        }
        if (query.invoiceId() != null) {
            sql.append(" AND id = :id");
            params.put("id", query.invoiceId().value());
        }
        return sql;
    }

    /** Whether the round's member invoices have been issued (all or some: a job may be under way). */
    public boolean roundInvoiced(GroupementId groupementId, RoundId roundId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM member_invoice WHERE round_id = :round AND groupement_id = :groupement)")
                .param("round", roundId.value()).param("groupement", groupementId.value()).query(Boolean.class).single();
    }

    /**
     * The round of an invoice when every invoice of that round is paid or cancelled by a credit note (credit notes
     * themselves are never to be paid); empty otherwise.
     */
    public Optional<RoundId> settledRoundOf(MemberInvoiceId invoiceId) {
        return jdbc.sql("""
                SELECT i.round_id FROM member_invoice i WHERE i.id = :id
                  AND NOT EXISTS (SELECT 1 FROM member_invoice o WHERE o.round_id = i.round_id AND NOT o.credit_note
                                  AND o.status = 'ISSUED')""")
                .param("id", invoiceId.value()).query((rs, row) -> RoundId.of(rs.getString(1))).optional();
    }

    /** Whether the round has invoices and every one is paid or cancelled by a credit note. */
    public boolean settled(RoundId roundId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM member_invoice WHERE round_id = :round AND NOT credit_note)
                   AND NOT EXISTS (SELECT 1 FROM member_invoice WHERE round_id = :round AND NOT credit_note AND status = 'ISSUED')""")
                .param("round", roundId.value()).query(Boolean.class).single();
    }

    /** The members of a round who already have their invoice. */
    public Set<MemberId> invoicedMembers(RoundId roundId) {
        return Set.copyOf(jdbc.sql("SELECT member_id FROM member_invoice WHERE round_id = :round AND NOT credit_note")
                .param("round", roundId.value()).query((rs, row) -> MemberId.of(rs.getString(1))).list());
    }

    /** The issued file (Factur-X PDF) of an invoice of the groupement. */
    public Optional<byte[]> pdf(GroupementId groupementId, MemberInvoiceId invoiceId) {
        return jdbc.sql("""
                SELECT f.pdf FROM member_invoice_file f JOIN member_invoice i ON i.id = f.invoice_id
                WHERE f.invoice_id = :id AND i.groupement_id = :groupement""")
                .param("id", invoiceId.value()).param("groupement", groupementId.value())
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    private static MemberInvoiceView view(ResultSet rs, boolean withDocument) throws SQLException {
        return new MemberInvoiceView(MemberInvoiceId.of(rs.getString("id")), RoundId.of(rs.getString("round_id")), MemberId.of(rs.getString("member_id")),
                rs.getString("member_name"), rs.getString("number"), rs.getBoolean("credit_note"),
                rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                Money.ofCents(rs.getLong("total_excl_vat")), Money.ofCents(rs.getLong("vat_total")),
                Money.ofCents(rs.getLong("total_incl_vat")), MemberInvoiceStatus.valueOf(rs.getString("status")),
                rs.getObject("paid_on", LocalDate.class),
                rs.getString("related_id") == null ? null : MemberInvoiceId.of(rs.getString("related_id")),
                withDocument ? InvoiceJson.read(rs.getString("document"), InvoiceDocument.class) : null);
    }
}
