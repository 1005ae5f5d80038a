package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.account.Accounts;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two groupements with an object of every kind the API names by id, made through the API, for the tests that call every
 * operation (the hostile input generator, the authorization matrix): in groupement A a coordinator, two members (A1 and A2,
 * each with a login), two suppliers (S1 and S2, each with a login), products of both, a draft round, an open round with
 * both members' orders, a pooled round with its supplier orders, one received and invoiced by its supplier, the members'
 * invoices issued; in groupement B the same, smaller (a draft, an open round with an order); an operator. Ids are kept per
 * kind ({@link Kind}) and per owner, so that a test can aim at its own objects, a neighbour's and another groupement's.
 */
public final class ApiFixture {

    public static final String PASSWORD = TestGroupements.PASSWORD;

    /** The kinds of ids in paths. */
    public enum Kind { ROUND, MEMBER, SUPPLIER, PRODUCT, SUPPLIER_ORDER, SUPPLIER_INVOICE, MEMBER_INVOICE, IMPORT, USER, GROUPEMENT, TOKEN, LISTING, LISTING_REQUEST }

    /** Who calls. */
    public enum Caller { COORDINATOR_A, MEMBER_A1, MEMBER_A2, SUPPLIER_S1, SUPPLIER_S2, COORDINATOR_B, MEMBER_B, SUPPLIER_B, OPERATOR }

    /** Whose object an id is. */
    public enum Owner { A, A1, A2, S1, S2, B }

    public record Id(Kind kind, Owner owner, String value) {
    }

    private final Map<Caller, String> logins = new LinkedHashMap<>();
    private final List<Id> ids = new ArrayList<>();
    private final TestGroupement a;
    private final TestGroupement b;

    private ApiFixture(int port, ConfigurableApplicationContext context) {
        TestGroupements groupements = context.getBean(TestGroupements.class);
        Accounts accounts = context.getBean(Accounts.class);
        Http http = new Http(port);
        a = groupements.create("Réseau A des essais");
        b = groupements.create("Réseau B des essais");
        RoundFlow flowA = new RoundFlow(http, a);
        RoundFlow flowB = new RoundFlow(http, b);
        String suffix = a.id().value().substring(0, 8);

        // A second member and a second supplier in A, each with a login.
        String a2 = flowA.member("Épicerie A2 " + suffix, "ASSOCIATION").value();
        String a2Login = "membre-a2-" + suffix;
        accounts.create(a2Login, PASSWORD, "Membre A2", Role.MEMBER, a.id(), MemberId.of(a2), null);
        String s2 = http.postJson("/api/suppliers", a.coordinator(), PASSWORD, """
                {"name":"Moulin S2","siret":"73282932000074","address":{"street":"1 rue","postalCode":"24100","city":"Creysse"},
                 "location":"44.85, 0.56","orderEmail":"moulin-s2@example.org"}""").json().get("id").asString();
        String s2Login = "fournisseur-s2-" + suffix;
        accounts.create(s2Login, PASSWORD, "Fournisseur S2", Role.SUPPLIER, a.id(), null, SupplierId.of(s2));
        String operator = "operateur-" + suffix;
        accounts.createOperator(operator, PASSWORD, "Exploitation");

        logins.put(Caller.COORDINATOR_A, a.coordinator());
        logins.put(Caller.MEMBER_A1, a.member());
        logins.put(Caller.MEMBER_A2, a2Login);
        logins.put(Caller.SUPPLIER_S1, a.supplier());
        logins.put(Caller.SUPPLIER_S2, s2Login);
        logins.put(Caller.COORDINATOR_B, b.coordinator());
        logins.put(Caller.MEMBER_B, b.member());
        logins.put(Caller.SUPPLIER_B, b.supplier());
        logins.put(Caller.OPERATOR, operator);

        add(Kind.GROUPEMENT, Owner.A, a.id().value());
        add(Kind.GROUPEMENT, Owner.B, b.id().value());
        add(Kind.MEMBER, Owner.A1, a.memberId().value());
        add(Kind.MEMBER, Owner.A2, a2);
        add(Kind.MEMBER, Owner.B, b.memberId().value());
        add(Kind.SUPPLIER, Owner.S1, a.supplierId().value());
        add(Kind.SUPPLIER, Owner.S2, s2);
        add(Kind.SUPPLIER, Owner.B, b.supplierId().value());

        String apples = flowA.product(a.supplierId(), """
                {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5","unitPrice":"2.00",
                 "tiers":[{"from":"20","price":"1.80"}]}""");
        String flour = flowA.product(SupplierId.of(s2), """
                {"reference":"FAR","name":"Farine","category":"Épicerie","saleUnit":"PIECE","caseSize":"1","vatRate":"5.5","unitPrice":"3.00"}""");
        String bread = flowB.product(b.supplierId(), """
                {"reference":"PAIN","name":"Pain","category":"Boulangerie","saleUnit":"PIECE","caseSize":"1","vatRate":"5.5","unitPrice":"1.50"}""");
        add(Kind.PRODUCT, Owner.S1, apples);
        add(Kind.PRODUCT, Owner.S2, flour);
        add(Kind.PRODUCT, Owner.B, bread);

        // A: a pooled round, received and invoiced, members invoiced.
        String pooled = flowA.openRound("Essais passés", "PRO_RATA", "BY_VALUE", "0", List.of(a.supplierId(), SupplierId.of(s2)));
        flowA.order(pooled, a.memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"},{\"productId\":\"" + flour + "\",\"quantity\":\"2\"}");
        flowA.order(pooled, MemberId.of(a2), "{\"productId\":\"" + apples + "\",\"quantity\":\"5\"}");
        flowA.close(pooled);
        for (JsonNode order : flowA.supplierOrders(pooled)) {
            String id = order.get("id").asString();
            boolean s1 = order.get("supplierId").asString().equals(a.supplierId().value());
            add(Kind.SUPPLIER_ORDER, s1 ? Owner.S1 : Owner.S2, id);
            if ("BELOW_MINIMUM".equals(order.get("status").asString())) {
                http.postJson("/api/supplier-orders/" + id + "/accept-below-minimum", a.coordinator(), PASSWORD, "");
            }
            flowA.receive(id, "");
            JsonNode invoice = flowA.invoice(id, "{\"number\":\"F-" + suffix + (s1 ? "-1" : "-2") + "\",\"issueDate\":\"" + LocalDate.now()
                    + "\",\"lines\":[" + lines(flowA.supplierOrder(id)) + "]}");
            add(Kind.SUPPLIER_INVOICE, s1 ? Owner.S1 : Owner.S2, invoice.get("id").asString());
            if (!"MATCHED".equals(invoice.get("status").asString())) {
                http.postJson("/api/supplier-invoices/" + invoice.get("id").asString() + "/accept", a.coordinator(), PASSWORD, "");
            }
        }
        flowA.issueMemberInvoices(pooled);
        for (JsonNode invoice : flowA.memberInvoices(pooled)) {
            add(Kind.MEMBER_INVOICE, invoice.get("memberId").asString().equals(a.memberId().value()) ? Owner.A1 : Owner.A2,
                    invoice.get("id").asString());
        }
        add(Kind.ROUND, Owner.A, pooled);
        String open = flowA.openRound("Essais ouverts", "PRO_RATA", "BY_VALUE", "0", List.of(a.supplierId()));
        flowA.order(open, a.memberId(), "{\"productId\":\"" + apples + "\",\"quantity\":\"10\"}");
        flowA.order(open, MemberId.of(a2), "{\"productId\":\"" + apples + "\",\"quantity\":\"5\"}");
        add(Kind.ROUND, Owner.A, open);
        add(Kind.ROUND, Owner.A, http.postJson("/api/rounds", a.coordinator(), PASSWORD, round("Brouillon A")).json().get("id").asString());

        String openB = flowB.openRound("Essais B", "PRO_RATA", "BY_VALUE", "0", List.of(b.supplierId()));
        flowB.order(openB, b.memberId(), "{\"productId\":\"" + bread + "\",\"quantity\":\"3\"}");
        add(Kind.ROUND, Owner.B, openB);
        add(Kind.ROUND, Owner.B, http.postJson("/api/rounds", b.coordinator(), PASSWORD, round("Brouillon B")).json().get("id").asString());

        // Users (coordinators, members' and suppliers' people) and tokens.
        for (String path : List.of("/api/coordinators", "/api/members/" + a.memberId() + "/users", "/api/members/" + a2 + "/users",
                "/api/suppliers/" + a.supplierId() + "/users", "/api/suppliers/" + s2 + "/users")) {
            http.get(path, a.coordinator(), PASSWORD).json().forEach(user -> add(Kind.USER, Owner.A, user.get("id").asString()));
        }
        http.get("/api/coordinators", b.coordinator(), PASSWORD).json().forEach(user -> add(Kind.USER, Owner.B, user.get("id").asString()));
        Http.Reply token = http.postJson("/api/me/tokens", a.member(), PASSWORD, "{\"name\":\"Essais\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        add(Kind.TOKEN, Owner.A1, token.json().get("id").asString());
        Http.Reply imported = http.postBytes("/api/suppliers/" + a.supplierId() + "/products/import", a.coordinator(), PASSWORD,
                "text/csv", "reference;nom;catégorie;unité;colis;prix HT;TVA\nKIWI;Kiwis;Fruits;KG;3;4,20;5,5\n".getBytes(StandardCharsets.UTF_8));
        if (imported.status() / 100 == 2 && imported.json().has("id")) {
            add(Kind.IMPORT, Owner.S1, imported.json().get("id").asString());
        }
        // The network directory: S1 listed by A, B's supplier by B; a listing request to each groupement.
        for (TestGroupement groupement : List.of(a, b)) {
            add(Kind.LISTING, groupement == a ? Owner.A : Owner.B, list(http, groupement));
            Http.Reply asked = http.postJson("/api/network/requests", null, null, ("{\"groupementId\":\"%s\",\"name\":\"Demande\","
                    + "\"siret\":\"%s\",\"sector\":\"SERVICES\",\"street\":\"1 rue\",\"postalCode\":\"33000\",\"municipality\":\"33063\","
                    + "\"contactName\":\"Inès\",\"contactEmail\":\"demande@example.org\"}").formatted(groupement.id(), NodeRound.siret()));
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            add(Kind.LISTING_REQUEST, groupement == a ? Owner.A : Owner.B, asked.json().get("request").get("id").asString());
        }
    }

    private static final Map<Integer, ApiFixture> BY_PORT = new ConcurrentHashMap<>();

    /** The fixture of the application on that port, made at the first call. */
    public static synchronized ApiFixture of(int port, ConfigurableApplicationContext context) {
        return BY_PORT.computeIfAbsent(port, p -> new ApiFixture(p, context));
    }

    /**
     * Undoes what calls made by the tests may have done to the fixture's own logins (an account disabled, a login slowed
     * down after the refusals that followed), so that every caller keeps reaching the operations.
     */
    /** Lists the groupement's first supplier in the network directory (again, after a test withdrew it); the listing's id. */
    private static String list(Http http, TestGroupement groupement) {
        Http.Reply listed = http.putJson("/api/suppliers/" + groupement.supplierId() + "/listing", groupement.coordinator(), PASSWORD,
                "{\"sector\":\"ALIMENTATION\",\"municipality\":\"33063\",\"contactEmail\":\"annuaire@example.org\"}");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().get("id").asString();
    }

    /** The listings as the fixture made them (the API's matrix withdraws A's). */
    public void restoreListings(int port) {
        Http http = new Http(port);
        list(http, a);
        list(http, b);
    }

    public void restoreLogins(JdbcClient jdbc) {
        jdbc.sql("UPDATE user_account SET state = 'ACTIVE' WHERE username IN (:logins) AND state = 'DISABLED'")
                .param("logins", List.copyOf(logins.values())).update();
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    public String login(Caller caller) {
        return logins.get(caller);
    }

    /** A new token of member A1 in place of the one an earlier test may have revoked. */
    public void renewToken(int port) {
        Http.Reply token = new Http(port).postJson("/api/me/tokens", a.member(), PASSWORD, "{\"name\":\"Essais\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        ids.removeIf(id -> id.kind() == Kind.TOKEN && id.owner() == Owner.A1);
        add(Kind.TOKEN, Owner.A1, token.json().get("id").asString());
    }

    public List<Id> ids(Kind kind) {
        return ids.stream().filter(id -> id.kind() == kind).toList();
    }

    public List<Id> ids() {
        return List.copyOf(ids);
    }

    public TestGroupement a() {
        return a;
    }

    public TestGroupement b() {
        return b;
    }

    private void add(Kind kind, Owner owner, String value) {
        ids.add(new Id(kind, owner, value));
    }

    private static String lines(JsonNode supplierOrder) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : supplierOrder.get("lines")) {
            lines.add("{\"productId\":\"" + line.at("/product/id").asString() + "\",\"quantity\":\"" + line.get("quantity").asString()
                    + "\",\"unitPrice\":\"" + line.get("unitPrice").asString() + "\"}");
        }
        return String.join(",", lines);
    }

    private static String round(String title) {
        return "{\"title\":\"" + title + "\",\"closesAt\":\"" + OffsetDateTime.now().plusDays(3).withNano(0)
                + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(5) + "\",\"deliveryPlace\":\"Ici\"}";
    }

    /** The kind of the id at {@code segments[index]} of an OpenAPI path template ({@code /api/rounds/{id}}), or null. */
    public static Kind kindOf(String[] segments, int index) {
        String parameter = segments[index];
        if (parameter.contains("roundId")) {
            return Kind.ROUND;
        }
        if (parameter.contains("memberId")) {
            return Kind.MEMBER;
        }
        return switch (segments[index - 1]) {
            case "rounds" -> Kind.ROUND;
            case "members", "orders" -> Kind.MEMBER;
            case "suppliers" -> Kind.SUPPLIER;
            case "products" -> Kind.PRODUCT;
            case "supplier-orders" -> Kind.SUPPLIER_ORDER;
            case "supplier-invoices" -> Kind.SUPPLIER_INVOICE;
            case "member-invoices" -> Kind.MEMBER_INVOICE;
            case "imports" -> Kind.IMPORT;
            case "users" -> Kind.USER;
            case "groupements" -> Kind.GROUPEMENT;
            case "tokens" -> Kind.TOKEN;
            case "listings", "network" -> Kind.LISTING;
            case "listing-requests", "requests", "request" -> Kind.LISTING_REQUEST;
            default -> null;
        };
    }

    public static String randomId() {
        return UUID.randomUUID().toString();
    }
}
