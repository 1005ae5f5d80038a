package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.TestGroupements.TestGroupement;
import coop.mutua.kernel.SupplierId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Products and open rounds made the way clients make them, through the REST API, for the ordering tests. */
public final class RoundsThroughApi {

    /** Apples by the kilo, cases of 5 kg, 2.00 a kilo, no tiers. */
    public static final String APPLES = """
            {"reference":"POM","name":"Pommes","category":"Fruits","saleUnit":"KG","caseSize":"5","vatRate":"5.5","unitPrice":"2.00"}""";
    /** Carrots by the kilo, cases of 6, 1.80 from 12 kg (2.00 below). */
    public static final String CARROTS = """
            {"reference":"CAR-6","name":"Carottes","category":"Légumes","saleUnit":"KG","caseSize":"6","vatRate":"5.5",
             "unitPrice":"2.00","tiers":[{"from":"12","price":"1.80"}]}""";
    /** Cheese by steps of half a kilo, cases of 2 kg, 16.80 a kilo. */
    public static final String CHEESE = """
            {"reference":"TOM","name":"Tomme","category":"Crèmerie","saleUnit":"KG","step":"0.5","caseSize":"2","vatRate":"5.5",
             "unitPrice":"16.80"}""";

    private RoundsThroughApi() {
    }

    /** Adds a product to a supplier's catalog as the given user (the supplier itself, or a coordinator); returns its id. */
    public static String product(Http http, String login, SupplierId supplier, String json) {
        Http.Reply reply = http.postJson("/api/suppliers/" + supplier + "/products", login, TestGroupements.PASSWORD, json);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asString();
    }

    /** A round closing in five days on these suppliers' products, opened by the coordinator; returns its id. */
    public static String openRound(Http http, TestGroupement groupement, String title, SupplierId... suppliers) {
        return openRound(http, groupement, title, "PRO_RATA", suppliers);
    }

    /** The same with the given allocation policy. */
    public static String openRound(Http http, TestGroupement groupement, String title, String allocationPolicy,
                                   SupplierId... suppliers) {
        String coordinator = groupement.coordinator();
        String round = http.postJson("/api/rounds", coordinator, TestGroupements.PASSWORD, """
                        {"title":"%s","closesAt":"%s","deliveryDate":"%s","deliveryPlace":"Entrepôt"}"""
                        .formatted(title, OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).withNano(0), LocalDate.now().plusDays(8)))
                .json().get("id").asString();
        String chosen = Arrays.stream(suppliers).map(supplier -> "\"" + supplier + "\"").collect(Collectors.joining(","));
        http.putJson("/api/rounds/" + round + "/terms", coordinator, TestGroupements.PASSWORD,
                "{\"suppliers\":[" + chosen + "],\"allocationPolicy\":\"" + allocationPolicy + "\"}");
        assertThat(http.postJson("/api/rounds/" + round + "/open", coordinator, TestGroupements.PASSWORD, "").status()).isEqualTo(200);
        return round;
    }
}
