package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Eventually;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.RoundsThroughApi;
import coop.mutua.app.support.StopJobsMidway;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestMail;
import coop.mutua.billing.application.InvoiceNumberSeries;
import coop.mutua.billing.application.ReportingPurchases;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.SupplierId;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * From supplier invoices to member invoices through the API: three-way match and the coordinator's decision, the exact
 * split, gap-free numbers (also under concurrency with rollbacks, and across a stopped and restarted job), Factur-X
 * files that Mustang's validator accepts, mail at issue, credit notes and payments.
 */
@IntegrationTest
class BillingIntegrationTest {

    private static final String PASSWORD = TestGroupements.PASSWORD;

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;
    @Autowired
    CommandGateway commands;
    @Autowired
    ProjectionCatchUp catchUp;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InvoiceNumberSeries numbers;
    @Autowired
    PlatformTransactionManager transactionManager;

    Http http;
    TestGroupement gironde;
    SupplierId dairy;
    MemberId second;
    String carrots;
    String cheese;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        gironde = groupements.create("Réseau facturation", VatRegime.REGISTERED);
        Address address = new Address("4 chemin", "33000", "Bordeaux", "FR");
        dairy = SupplierId.random();
        commands.sendAndWait(new RegisterSupplierCommand(dairy, gironde.id(), new SupplierDetails("Fromagerie", "73282932000074", null, null, Set.of(), address, new GeoPoint(44.9, -0.6), "fromagerie-" + dairy.value().substring(0, 8) + "@example.org",
                new OrderingTerms(Money.ZERO, Money.parse("300.00"), Money.parse("12.00")), null)));
        second = MemberId.random();
        commands.sendAndWait(new RegisterMemberCommand(second, gironde.id(), "Épicerie solidaire", "73282932000074", null,
                EssFamily.ASSOCIATION, address, address, "epicerie-" + second.value().substring(0, 8) + "@example.org"));
        catchUp.await("catalog-directory", dairy);
        catchUp.await("catalog-directory", second);
        carrots = RoundsThroughApi.product(http, gironde.supplier(), gironde.supplierId(), RoundsThroughApi.CARROTS);
        cheese = RoundsThroughApi.product(http, gironde.coordinator(), dairy, RoundsThroughApi.CHEESE);
    }

    @Test
    void supplierInvoicesAreMatchedSplitToTheCentAndEveryMemberGetsAValidFacturX() throws Exception {
        String round = receivedRound();
        String farmOrder = supplierOrder(round, gironde.supplierId());
        String dairyOrder = supplierOrder(round, dairy);
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();

        nothingIsInvoicedBeforeTheSuppliersInvoices(round);
        theFarmsInvoiceOfWhatArrivedMatchesAtOnce(farmOrder);
        theDairysPriceDifferenceWaitsForTheCoordinatorsDecision(round, dairyOrder);
        JsonNode invoices = everyMemberIsInvoicedInTheSeriesAndEachRateAddsUpToTheCent(round, year);
        String ownId = own(invoices);
        String othersId = invoices.findValues("id").stream().map(JsonNode::asString).filter(id -> !id.equals(ownId)).findFirst().orElseThrow();
        aMemberReadsItsOwnInvoiceOnlyAsACompletelyValidFacturX(ownId, othersId);
        theReportsAndExportsShowWhatWasBoughtAndSaved(round, year);
        eachMemberGetsItsInvoiceByMail();
        anIssuedInvoiceIsFinalAndCorrectedByANumberedCreditNote(round, farmOrder, ownId, othersId, year);
    }

    private void nothingIsInvoicedBeforeTheSuppliersInvoices(String round) {
        // Nothing to invoice the members with yet.
        Http.Reply early = http.postJson("/api/rounds/" + round + "/invoices", gironde.coordinator(), PASSWORD, "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("billing.no-supplier-invoice");
    }

    private void theFarmsInvoiceOfWhatArrivedMatchesAtOnce(String farmOrder) {
        // The farm invoices what arrived at the order's price: matched at once. 9 kg x 1.80 = 16.20, VAT 5.5 % 0.89.
        JsonNode farmInvoice = record(farmOrder, gironde.supplier(), """
                {"number":"F-1029","issueDate":"%s","lines":[{"productId":"%s","quantity":"9","unitPrice":"1.80"}],
                 "vat":[{"rate":"5.5","amount":"0.89"}]}""".formatted(LocalDate.now(), carrots));
        assertThat(farmInvoice.get("status").asString()).isEqualTo("MATCHED");
        assertThat(farmInvoice.get("differences").size()).isZero();
        assertThat(farmInvoice.get("totalInclVat").asString()).isEqualTo("17.09");
    }

    private void theDairysPriceDifferenceWaitsForTheCoordinatorsDecision(String round, String dairyOrder) {
        // The dairy invoices 4.12 kg at 17.00 instead of 16.80, plus its delivery fee: a price difference to decide on.
        // 4.12 x 17.00 = 70.04; VAT 5.5 % of 70.04 = 3.85; fee 12.00 at 20 % = 2.40.
        JsonNode dairyInvoice = record(dairyOrder, gironde.coordinator(), """
                {"number":"2026-LAIT-77","issueDate":"%s","lines":[{"productId":"%s","quantity":"4.12","unitPrice":"17.00"}],
                 "charges":[{"reason":"Livraison","vatRate":"20","amount":"12.00"}],
                 "vat":[{"rate":"5.5","amount":"3.85"},{"rate":"20","amount":"2.40"}]}""".formatted(LocalDate.now(), cheese));
        assertThat(dairyInvoice.get("status").asString()).isEqualTo("TO_REVIEW");
        assertThat(dairyInvoice.get("differences").findValues("kind").stream().map(JsonNode::asString).toList()).containsExactly("PRICE");
        Http.Reply waiting = http.postJson("/api/rounds/" + round + "/invoices", gironde.coordinator(), PASSWORD, "");
        assertThat(waiting.status()).isEqualTo(409);
        assertThat(waiting.json().get("detail").asString()).contains("2026-LAIT-77").contains("Fromagerie");
        assertThat(http.postJson("/api/supplier-invoices/" + dairyInvoice.get("id").asString() + "/dispute", gironde.coordinator(),
                PASSWORD, "{}").status()).as("a dispute says why").isEqualTo(422);
        assertThat(http.postJson("/api/supplier-invoices/" + dairyInvoice.get("id").asString() + "/accept", gironde.coordinator(),
                PASSWORD, "{\"note\":\"hausse du lait annoncée\"}").json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(http.postJson("/api/supplier-invoices/" + dairyInvoice.get("id").asString() + "/accept", gironde.member(),
                PASSWORD, "{}").status()).as("members do not decide").isEqualTo(403);
    }

    private JsonNode everyMemberIsInvoicedInTheSeriesAndEachRateAddsUpToTheCent(String round, int year) {
        Http.Reply started = http.postJson("/api/rounds/" + round + "/invoices", gironde.coordinator(), PASSWORD, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Eventually.equal("COMPLETED", () -> progress(round).get("status").asString());
        assertThat(progress(round).get("issued").asInt()).isEqualTo(2);

        JsonNode invoices = http.get("/api/member-invoices?round=" + round, gironde.coordinator(), PASSWORD).json();
        assertThat(invoices.size()).isEqualTo(2);
        // A filter on a round or a member nobody knows (or the caller may not see) is unknown, not an empty list.
        assertThat(http.get("/api/member-invoices?round=pas-une-campagne", gironde.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/member-invoices?member=" + MemberId.random(), gironde.coordinator(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/member-invoices?member=" + second, gironde.member(), PASSWORD).status())
                .as("another structure's invoices, asked by a member").isEqualTo(404);
        assertThat(http.get("/api/member-invoices?member=" + second, gironde.coordinator(), PASSWORD).json().size()).isEqualTo(1);
        assertThat(invoices.findValues("number").stream().map(JsonNode::asString).toList())
                .containsExactly(year + "-00001", year + "-00002");
        // Per VAT rate, the members' amounts excl. VAT add up to the suppliers' to the cent: 5.5 %: 16.20 + 70.04; 20 %: 12.00.
        Map<String, Long> bases = new HashMap<>();
        for (JsonNode listed : invoices) {
            JsonNode invoice = http.get("/api/member-invoices/" + listed.get("id").asString(), gironde.coordinator(), PASSWORD).json();
            for (JsonNode vat : invoice.get("document").get("draft").get("vat")) {
                bases.merge(vat.get("rate").asString(), vat.get("baseCents").asLong(), Long::sum);
            }
        }
        assertThat(bases).containsOnly(Map.entry("5.5", 8624L), Map.entry("20", 1200L));
        return invoices;
    }

    /** The invoice of the member the test logs in as. */
    private String own(JsonNode invoices) {
        JsonNode own = http.get("/api/member-invoices", gironde.member(), PASSWORD).json();
        assertThat(own.size()).isEqualTo(1);
        assertThat(invoices.findValues("id").stream().map(JsonNode::asString)).contains(own.get(0).get("id").asString());
        return own.get(0).get("id").asString();
    }

    private void aMemberReadsItsOwnInvoiceOnlyAsACompletelyValidFacturX(String ownId, String othersId) throws Exception {
        // A member reads and downloads its own invoice only; the file is a completely valid Factur-X.
        String number = http.get("/api/member-invoices/" + ownId, gironde.member(), PASSWORD).json().get("number").asString();
        byte[] pdf = http.getBytes("/api/member-invoices/" + ownId + "/pdf", gironde.member(), PASSWORD);
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(pdf, "facture.pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        assertThat(text(pdf)).contains("Facture n° " + number, "Réseau facturation",
                "Total TTC", "40 €", "Carottes", "Tomme");
        assertThat(new String(http.getBytes("/api/member-invoices/" + ownId + "/facturx", gironde.member(), PASSWORD),
                StandardCharsets.UTF_8)).contains("CrossIndustryInvoice").contains(number);
        assertThat(http.get("/api/member-invoices/" + othersId, gironde.member(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/member-invoices/" + othersId + "/pdf", gironde.member(), PASSWORD).status()).isEqualTo(404);
        assertThat(http.get("/api/member-invoices", gironde.supplier(), PASSWORD).status()).isEqualTo(403);
    }

    private void theReportsAndExportsShowWhatWasBoughtAndSaved(String round, int year) {
        // Reports: 9 kg of carrots at the 1.80 tier (list 2.00) and 4.12 kg of cheese at 16.80; both suppliers within
        // 100 km of the hub, neither ESS. A member sees its own purchases only: 6 kg of carrots (firm kilos first) and
        // 2.5 kg of cheese.
        JsonNode impact = http.get("/api/rounds/" + round + "/report", gironde.coordinator(), PASSWORD).json();
        assertThat(impact.get("total").get("spend").asString()).isEqualTo("85.42");
        assertThat(impact.get("total").get("savings").asString()).isEqualTo("1.80");
        assertThat(impact.get("total").get("localPercent").asString()).isEqualTo("100.0");
        assertThat(impact.get("total").get("essPercent").asString()).isEqualTo("0.0");
        assertThat(impact.get("members").size()).isEqualTo(2);
        assertThat(http.get("/api/rounds/" + round + "/report.csv", gironde.coordinator(), PASSWORD).body()).contains("85,42");
        JsonNode overAll = http.get("/api/reports/impact", gironde.coordinator(), PASSWORD).json();
        assertThat(overAll.get("total").get("spend").asString()).isEqualTo("85.42");
        assertThat(http.get("/api/reports/impact.csv", gironde.coordinator(), PASSWORD).body()).contains("85,42");
        JsonNode mine = http.get("/api/rounds/" + round + "/report", gironde.member(), PASSWORD).json();
        assertThat(mine.get("total").get("spend").asString()).isEqualTo("52.80");
        assertThat(mine.get("members").size()).isEqualTo(1);
        String sales = new String(http.getBytes("/api/reports/sales.csv", gironde.coordinator(), PASSWORD), StandardCharsets.UTF_8);
        assertThat(sales).contains("Numéro;Type;Date").contains(year + "-00001;Facture").contains(year + "-00002;Facture");
        String purchases = new String(http.getBytes("/api/reports/purchases.csv", gironde.coordinator(), PASSWORD), StandardCharsets.UTF_8);
        assertThat(purchases).contains("F-1029;Facture").contains("2026-LAIT-77;Facture").contains(";20;12,00;2,40;14,40")
                .as("states in French, as the headers").containsAnyOf(";Conforme;", ";Écarts acceptés;")
                .doesNotContain("MATCHED").doesNotContain("ACCEPTED");
        assertThat(http.get("/api/reports/sales.csv", gironde.member(), PASSWORD).status()).isEqualTo(403);
    }

    private void eachMemberGetsItsInvoiceByMail() {
        // Each member got its invoice by mail, the PDF attached.
        String epicerie = "epicerie-" + second.value().substring(0, 8) + "@example.org";
        Eventually.equal(true, () -> TestMail.to(epicerie).stream().anyMatch(this::isInvoiceMail));
    }

    private void anIssuedInvoiceIsFinalAndCorrectedByANumberedCreditNote(String round, String farmOrder, String ownId, String othersId,
                                                                          int year) throws Exception {
        // Issued means final: no second issue, no new supplier invoice; corrections by a numbered credit note.
        Http.Reply again = http.postJson("/api/rounds/" + round + "/invoices", gironde.coordinator(), PASSWORD, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("billing.round-already-invoiced");
        assertThat(record(farmOrder, gironde.coordinator(), 409, """
                {"number":"F-1030","issueDate":"%s","lines":[{"productId":"%s","quantity":"1","unitPrice":"1.80"}]}"""
                .formatted(LocalDate.now(), carrots)).get("code").asString()).isEqualTo("supplier-invoice.round-invoiced");
        Http.Reply credit = http.postJson("/api/member-invoices/" + othersId + "/credit-note", gironde.coordinator(), PASSWORD,
                "{\"note\":\"erreur de destinataire\"}");
        assertThat(credit.status()).as(credit.body()).isEqualTo(201);
        assertThat(credit.json().get("number").asString()).isEqualTo(year + "-00003");
        assertThat(credit.json().get("creditNote").asBoolean()).isTrue();
        assertThat(credit.json().at("/document/cancels/originalNumber").asString()).isIn(year + "-00001", year + "-00002");
        assertThat(validCreditNote(credit.json().get("id").asString())).isTrue();
        assertThat(http.get("/api/member-invoices/" + othersId, gironde.coordinator(), PASSWORD).json().get("status").asString())
                .isEqualTo("CREDITED");
        assertThat(http.postJson("/api/member-invoices/" + othersId + "/credit-note", gironde.coordinator(), PASSWORD, "{}")
                .json().get("code").asString()).isEqualTo("member-invoice.already-credited");
        assertThat(http.postJson("/api/member-invoices/" + othersId + "/paid", gironde.coordinator(), PASSWORD, "{}")
                .json().get("code").asString()).isEqualTo("member-invoice.credited");
        JsonNode paid = http.postJson("/api/member-invoices/" + ownId + "/paid", gironde.coordinator(), PASSWORD,
                "{\"paidOn\":\"" + LocalDate.now() + "\"}").json();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(http.postJson("/api/member-invoices/" + ownId + "/paid", gironde.member(), PASSWORD, "{}").status()).isEqualTo(403);
    }

    @Test
    void badSupplierInvoicesAreRefusedWithAClearMessageAndChangeNothing() {
        String round = receivedRound();
        String farmOrder = supplierOrder(round, gironde.supplierId());

        assertThat(record(farmOrder, gironde.coordinator(), 422, """
                {"number":"","issueDate":"%s","lines":[]}""".formatted(LocalDate.now())).get("code").asString()).isEqualTo("field.required");
        assertThat(record(farmOrder, gironde.coordinator(), 422, """
                {"number":"X1","issueDate":"hier","lines":[]}""").get("code").asString()).isEqualTo("date.invalid");
        assertThat(record(farmOrder, gironde.coordinator(), 422, """
                {"number":"X1","issueDate":"%s","lines":[{"productId":"%s","quantity":"9","unitPrice":"1,8","vatRate":"7"}]}"""
                .formatted(LocalDate.now(), carrots)).get("code").asString()).isEqualTo("vat-rate.unknown");
        assertThat(record(farmOrder, gironde.coordinator(), 422, """
                {"number":"X1","issueDate":"%s","lines":[{"productId":"%s","quantity":"9","unitPrice":"1.80"},
                 {"productId":"%s","quantity":"1","unitPrice":"1.80"}]}""".formatted(LocalDate.now(), carrots, carrots))
                .get("code").asString()).isEqualTo("billing.duplicate-line");
        // A supplier cannot invoice another supplier's order.
        assertThat(http.postJson("/api/supplier-orders/" + supplierOrder(round, dairy) + "/invoice", gironde.supplier(), PASSWORD,
                "{\"number\":\"F-1\",\"issueDate\":\"" + LocalDate.now() + "\",\"lines\":[]}").status()).isEqualTo(404);
        assertThat(http.get("/api/rounds/" + round + "/supplier-invoices", gironde.coordinator(), PASSWORD).json().size()).isZero();

        // Recording again under the same number replaces the invoice (a corrected invoice), never adds one.
        record(farmOrder, gironde.supplier(), """
                {"number":"F-9","issueDate":"%s","lines":[{"productId":"%s","quantity":"10","unitPrice":"1.80"}]}"""
                .formatted(LocalDate.now(), carrots));
        JsonNode corrected = record(farmOrder, gironde.supplier(), """
                {"number":"f-9","issueDate":"%s","lines":[{"productId":"%s","quantity":"9","unitPrice":"1.80"}],
                 "vat":[{"rate":"5.5","amount":"0.89"}]}""".formatted(LocalDate.now(), carrots));
        assertThat(corrected.get("status").asString()).isEqualTo("MATCHED");
        // The same order's invoice imported from a CSV file (a bad row is refused with its line number).
        Http.Reply bad = http.postBytes("/api/supplier-orders/" + farmOrder + "/invoice", gironde.supplier(), PASSWORD, "text/csv",
                "facture;F-CSV-1;2026-11-26\nligne;CAR-6;neuf;1,80;5,5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").asString()).contains("Ligne 2");
        Http.Reply imported = http.postBytes("/api/supplier-orders/" + farmOrder + "/invoice", gironde.supplier(), PASSWORD, "text/csv",
                ("facture;F-CSV-1;" + LocalDate.now() + "\nligne;CAR-6;9;1,80;5,5;16,20\ntva;5,5;0,89\n").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        // F-9 already bills these 9 kg: a second invoice of the same delivery is for the coordinator to decide on.
        assertThat(imported.json().get("status").asString()).isEqualTo("TO_REVIEW");
        assertThat(imported.json().get("differences").findValues("kind").stream().map(JsonNode::asString).toList())
                .containsExactly("MORE_THAN_RECEIVED");
        assertThat(imported.json().get("lines").get(0).get("productId").asString()).isEqualTo(carrots);
        assertThat(http.get("/api/supplier-orders/" + farmOrder + "/invoices", gironde.supplier(), PASSWORD).json().findValues("number")
                .stream().map(JsonNode::asString).toList()).as("F-9 recorded twice is one invoice").containsExactlyInAnyOrder("F-9", "F-CSV-1");
    }

    @Test
    void concurrentIssuersWithRollbacksLeaveNoGapAndNoDuplicateInTheSeries() throws Exception {
        GroupementId series = GroupementId.random();
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<String> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger rolledBack = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    try {
                        transaction.executeWithoutResult(status -> {
                            String number = numbers.next(series, 2026);
                            if (ThreadLocalRandom.current().nextInt(3) == 0) {
                                throw new IllegalStateException("forced rollback of " + number);
                            }
                            committed.add(number);
                        });
                    } catch (IllegalStateException forced) {
                        rolledBack.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();

        assertThat(rolledBack.get()).isPositive();
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= committed.size(); n++) {
            expected.add(InvoiceNumberSeries.format(2026, n));
        }
        assertThat(committed).hasSize(200 - rolledBack.get()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anInvoicingStoppedMidwayResumesWithoutDuplicateNorSkippedNumbers() throws Exception {
        List<MemberId> members = new ArrayList<>(List.of(gironde.memberId(), second));
        Address address = new Address("9 rue", "33000", "Bordeaux", "FR");
        for (int m = 0; m < 3; m++) {
            MemberId id = MemberId.random();
            commands.sendAndWait(new RegisterMemberCommand(id, gironde.id(), "Structure " + m, "73282932000074", null,
                    EssFamily.SCOP, address, address, "structure-" + id.value().substring(0, 8) + "@example.org"));
            catchUp.await("catalog-directory", id);
            members.add(id);
        }
        String round = RoundsThroughApi.openRound(http, gironde, "Commande à arrêter", gironde.supplierId());
        for (MemberId member : members) {
            order(round, member, "{\"productId\":\"" + carrots + "\",\"quantity\":\"6\"}");
        }
        close(round);
        String farmOrder = supplierOrder(round, gironde.supplierId());
        assertThat(http.postJson("/api/supplier-orders/" + farmOrder + "/reception", gironde.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"delivered\":\"30\"}]}").status()).isEqualTo(200);
        // 30 kg at the 1.80 tier = 54.00, VAT 2.97.
        record(farmOrder, gironde.coordinator(), """
                {"number":"F-2000","issueDate":"%s","lines":[{"productId":"%s","quantity":"30","unitPrice":"1.80"}],
                 "vat":[{"rate":"5.5","amount":"2.97"}]}""".formatted(LocalDate.now(), carrots));

        // Chunks of 2 (test configuration): the third invoice fails, so the first chunk stays, the second is rolled back.
        StopJobsMidway.STOP_AT_INVOICE.set(3);
        Http.Reply first = http.postJson("/api/rounds/" + round + "/invoices", gironde.coordinator(), PASSWORD, "");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Eventually.equal("FAILED", () -> progress(round).get("status").asString());
        assertThat(progress(round).get("issued").asInt()).isEqualTo(2);
        assertThat(progress(round).get("total").asInt()).isEqualTo(5);

        assertThat(http.postJson("/api/rounds/" + round + "/invoices", gironde.coordinator(), PASSWORD, "").status()).isEqualTo(202);
        Eventually.equal("COMPLETED", () -> progress(round).get("status").asString());

        List<String> issued = jdbc.sql("SELECT number FROM member_invoice WHERE round_id = :round ORDER BY number")
                .param("round", round).query(String.class).list();
        int year = LocalDate.now(ZoneId.of("Europe/Paris")).getYear();
        assertThat(issued).containsExactly(year + "-00001", year + "-00002", year + "-00003", year + "-00004", year + "-00005");
        assertThat(jdbc.sql("SELECT count(DISTINCT member_id) FROM member_invoice WHERE round_id = :round").param("round", round)
                .query(Long.class).single()).isEqualTo(5L);
        assertThat(jdbc.sql("SELECT sum(total_excl_vat) FROM member_invoice WHERE round_id = :round").param("round", round)
                .query(Long.class).single()).as("the members' shares add up to the supplier's 54.00").isEqualTo(5400L);
        assertThat(jdbc.sql("SELECT count(*) FROM member_invoice_file f JOIN member_invoice i ON i.id = f.invoice_id WHERE i.round_id = :round")
                .param("round", round).query(Long.class).single()).isEqualTo(5L);
    }

    /** A closed round with both suppliers' orders received: 9 of 12 kg of carrots, 4.12 kg of cheese (4 ordered). */
    private String receivedRound() {
        String round = RoundsThroughApi.openRound(http, gironde, "Commande à facturer", gironde.supplierId(), dairy);
        order(round, gironde.memberId(), "{\"productId\":\"" + carrots + "\",\"quantity\":\"7\"},{\"productId\":\"" + cheese
                + "\",\"quantity\":\"2.5\"}");
        order(round, second, "{\"productId\":\"" + carrots + "\",\"quantity\":\"3\",\"tolerance\":\"2\"},{\"productId\":\"" + cheese
                + "\",\"quantity\":\"1\",\"tolerance\":\"1\"}");
        close(round);
        http.postJson("/api/supplier-orders/" + supplierOrder(round, gironde.supplierId()) + "/reception", gironde.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + carrots + "\",\"delivered\":\"9\"}]}");
        http.postJson("/api/supplier-orders/" + supplierOrder(round, dairy) + "/reception", gironde.coordinator(), PASSWORD,
                "{\"lines\":[{\"productId\":\"" + cheese + "\",\"delivered\":\"4.12\"}]}");
        return round;
    }

    private void close(String round) {
        assertThat(http.postJson("/api/rounds/" + round + "/close", gironde.coordinator(), PASSWORD, "").status()).isEqualTo(200);
        Eventually.equal(true, () -> jdbc.sql("SELECT pooled_at IS NOT NULL FROM purchase_round WHERE id = :id").param("id", round)
                .query(Boolean.class).optional().orElse(false));
    }

    private void order(String round, MemberId member, String lines) {
        Http.Reply reply = http.putJson("/api/rounds/" + round + "/orders/" + member, gironde.coordinator(), PASSWORD,
                "{\"lines\":[" + lines + "]}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private String supplierOrder(String round, SupplierId supplier) {
        return jdbc.sql("SELECT id FROM supplier_order WHERE round_id = :round AND supplier_id = :supplier")
                .param("round", round).param("supplier", supplier.value()).query(String.class).single();
    }

    private JsonNode record(String order, String login, String json) {
        return record(order, login, 201, json);
    }

    private JsonNode record(String order, String login, int status, String json) {
        Http.Reply reply = http.postJson("/api/supplier-orders/" + order + "/invoice", login, PASSWORD, json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply.json();
    }

    private JsonNode progress(String round) {
        return http.get("/api/rounds/" + round + "/invoices", gironde.coordinator(), PASSWORD).json();
    }

    private boolean validCreditNote(String id) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(http.getBytes("/api/member-invoices/" + id + "/pdf", gironde.coordinator(), PASSWORD), "avoir.pdf");
        assertThat(validator.wasCompletelyValid()).as(report).isTrue();
        return true;
    }

    private boolean isInvoiceMail(MimeMessage message) {
        try {
            return message.getSubject().startsWith("Facture ") && message.getContent() instanceof Multipart multipart
                    && multipart.getCount() == 2 && multipart.getBodyPart(1).getFileName().endsWith(".pdf");
        } catch (Exception e) {
            return false;
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

}
