package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.ApiFixture.Caller;
import coop.mutua.app.support.ApiFixture.Kind;
import coop.mutua.app.support.ApiFixture;
import coop.mutua.app.support.GeneratedRoundsApp;
import coop.mutua.app.support.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input by generation (issue 15): every operation of the published OpenAPI document, called as every role of two
 * groupements on objects of every kind (its own, a neighbour's, another groupement's, made-up ones), with bodies, query
 * parameters and headers built from the document's schemas and then spoiled (NUL and other control characters, texts of
 * 10,000 characters, numbers such as 1e1000000 or 1e30, impossible years, nulls in lists, wrong types, missing or extra
 * fields, broken JSON, odd content types and Accept headers, reused Idempotency-Keys), and files to the upload operations.
 *
 * <p>Each request must: never answer 5xx; if refused (4xx), leave no event in the store (each request carries its own
 * correlation id, which every event it causes keeps); answer only what the OpenAPI document says (status, content type,
 * schema). After every 250 requests and at the end, no projection may hold a dead letter. Shrinking is off: a request is
 * printed whole. {@value #DEFAULT_TRIES} tries per property, three properties (bodies, query parameters and headers,
 * uploads) in {@code mvn verify}: 10,000 requests.
 */
class HostileInputProperties {

    static final int DEFAULT_TRIES = 4000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, AtomicInteger> STATUSES = new ConcurrentSkipListMap<>();
    private static final AtomicInteger SENT = new AtomicInteger();

    /** One documented operation. */
    record Operation(String method, String path, JsonNode spec) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One request, whole, as the failure report prints it. */
    record Attempt(Operation operation, Caller caller, String path, String contentType, String accept, String idempotencyKey,
                   byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method() + " " + path + " as " + caller + " Content-Type=" + contentType + " Accept=" + accept + " Idempotency-Key="
                    + idempotencyKey + " body=" + (shown.length() > 600 ? shown.substring(0, 600) + "…(" + shown.length() + ")" : shown);
        }

        String method() {
            return operation.method();
        }
    }

    @AfterContainer
    static void report() {
        System.out.println("HostileInputProperties: " + SENT.get() + " requests; answers by status: " + STATUSES);
        noDeadLetters(GeneratedRoundsApp.context().getBean(JdbcClient.class), "the last request");
        GeneratedRoundsApp.stop();
    }

    @Property(tries = DEFAULT_TRIES, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void spoiledBodiesNeverBreakAnythingNorStoreWhatWasRefused(@ForAll("bodies") Attempt attempt) {
        send(attempt);
    }

    @Property(tries = DEFAULT_TRIES, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void spoiledParametersAndHeadersNeverBreakAnything(@ForAll("parameters") Attempt attempt) {
        send(attempt);
    }

    @Property(tries = DEFAULT_TRIES / 2, shrinking = ShrinkingMode.OFF, afterFailure = AfterFailureMode.RANDOM_SEED)
    void spoiledUploadsNeverBreakAnything(@ForAll("uploads") Attempt attempt) {
        send(attempt);
    }

    // ---------------------------------------------------------------------------------------------------------- sending

    private static void send(Attempt attempt) {
        int port = GeneratedRoundsApp.port();
        ApiFixture fixture = fixture();
        String correlation = "hostile-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + attempt.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (fixture.login(attempt.caller()) + ":" + ApiFixture.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("X-Correlation-Id", correlation);
        if (attempt.contentType() != null) {
            request.header("Content-Type", attempt.contentType());
        }
        if (attempt.accept() != null) {
            request.header("Accept", attempt.accept());
        }
        if (attempt.idempotencyKey() != null) {
            request.header("Idempotency-Key", attempt.idempotencyKey());
        }
        request.method(attempt.method(), attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("no answer to " + attempt, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        int status = response.statusCode();
        STATUSES.computeIfAbsent(status + "", key -> new AtomicInteger()).incrementAndGet();
        assertThat(status).as("%s\n→ %s", attempt, response.body()).isLessThan(500);
        JdbcClient jdbc = GeneratedRoundsApp.context().getBean(JdbcClient.class);
        if (status < 300) {
            String foreign = foreignObject(fixture, attempt);
            assertThat(foreign).as("%s answered %s on another's object %s\n→ %s", attempt, status, foreign, response.body()).isNull();
        }
        if (status >= 400) {
            assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(metadata, 'UTF8') LIKE :correlation")
                    .param("correlation", "%" + correlation + "%").query(Long.class).single())
                    .as("events stored by a refused request (%s): %s\n→ %s", status, attempt, response.body()).isZero();
        }
        if (status != 401 && status != 429) {
            try {
                OpenApiContract.of(port).check(attempt.method(), attempt.path(), status,
                        response.headers().firstValue("Content-Type").orElse(null), response.body());
            } catch (AssertionError drift) {
                throw new AssertionError(drift.getMessage() + "\nafter: " + attempt, drift);
            }
        }
        int sent = SENT.incrementAndGet();
        if (sent % 250 == 0) {
            noDeadLetters(jdbc, attempt);
        }
        if (sent % 50 == 0 || status == 401) {
            fixture.restoreLogins(jdbc);
        }
    }

    /**
     * An object in the path that the caller must not reach, whatever the request (issue 15: foreign ids are unknown): any of
     * the other groupement's; for a member, the other member's own objects (its id, its invoices, its order); for a
     * supplier, the other supplier's (its id, products, grouped orders, invoices). Null when there is none.
     */
    private static String foreignObject(ApiFixture fixture, Attempt attempt) {
        if (attempt.caller() == Caller.OPERATOR) {
            return null;
        }
        boolean ofB = attempt.caller().name().endsWith("_B");
        for (ApiFixture.Id id : fixture.ids()) {
            // A listing of the network directory is everyone's to read (ADR 22): it is no groupement's object.
            if (!attempt.path().contains(id.value()) || id.kind() == ApiFixture.Kind.LISTING) {
                continue;
            }
            ApiFixture.Owner owner = id.owner();
            boolean foreign = ofB ? owner != ApiFixture.Owner.B : owner == ApiFixture.Owner.B;
            foreign |= attempt.caller() == Caller.MEMBER_A1 && owner == ApiFixture.Owner.A2
                    || attempt.caller() == Caller.MEMBER_A2 && owner == ApiFixture.Owner.A1;
            foreign |= attempt.caller() == Caller.SUPPLIER_S1 && owner == ApiFixture.Owner.S2 && id.kind() != Kind.SUPPLIER_ORDER
                    || attempt.caller() == Caller.SUPPLIER_S2 && owner == ApiFixture.Owner.S1 && id.kind() != Kind.SUPPLIER_ORDER;
            foreign |= (attempt.caller() == Caller.SUPPLIER_S1 || attempt.caller() == Caller.SUPPLIER_S2)
                    && id.kind() == Kind.SUPPLIER_ORDER && owner != (attempt.caller() == Caller.SUPPLIER_S1 ? ApiFixture.Owner.S1 : ApiFixture.Owner.S2);
            if (foreign) {
                return id.kind() + " of " + owner;
            }
        }
        return null;
    }

    private static void noDeadLetters(JdbcClient jdbc, Object after) {
        assertThat(jdbc.sql("""
                        SELECT processinggroup || ' ' || payloadtype || ': ' || coalesce(causemessage, '') FROM deadletterentry
                        WHERE processinggroup <> 'test-poison'""").query(String.class).list())
                .as("dead letters after %s", after).isEmpty();
    }

    private static ApiFixture fixture() {
        return ApiFixture.of(GeneratedRoundsApp.port(), GeneratedRoundsApp.context());
    }

    // ------------------------------------------------------------------------------------------------------ generation

    private static List<Operation> operations() {
        JsonNode document = JSON.readTree(get("/v3/api-docs"));
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                // Changing one's own password or second factor would lock the generator out of its own accounts.
                if (path.getKey().startsWith("/api/me/password") || path.getKey().startsWith("/api/coordination/security")
                        || path.getKey().startsWith("/api/me/two-factor")) {
                    continue;
                }
                operations.add(new Operation(method, path.getKey(), operation.getValue()));
            }
        }
        return operations;
    }

    private static String get(String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GeneratedRoundsApp.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<Attempt> bodies() {
        List<Operation> writes = operations().stream().filter(op -> !op.method().equals("GET")).toList();
        JsonNode document = JSON.readTree(get("/v3/api-docs"));
        return Arbitraries.randoms().map(random -> {
            Operation operation = writes.get(random.nextInt(writes.size()));
            Spoiler spoiler = new Spoiler(random, document, fixture());
            byte[] body = operation.spec().has("requestBody") ? spoiler.body(operation.spec().get("requestBody")) : null;
            return new Attempt(operation, spoiler.caller(), spoiler.path(operation.path()) + spoiler.query(operation.spec(), 0.2),
                    spoiler.contentType(0.9), spoiler.accept(0.9), spoiler.idempotencyKey(0.7), body);
        });
    }

    @Provide
    Arbitrary<Attempt> parameters() {
        List<Operation> all = operations();
        JsonNode document = JSON.readTree(get("/v3/api-docs"));
        return Arbitraries.randoms().map(random -> {
            Operation operation = all.get(random.nextInt(all.size()));
            Spoiler spoiler = new Spoiler(random, document, fixture());
            byte[] body = operation.spec().has("requestBody") && random.nextBoolean() ? spoiler.body(operation.spec().get("requestBody")) : null;
            return new Attempt(operation, spoiler.caller(), spoiler.path(operation.path()) + spoiler.query(operation.spec(), 0.9),
                    spoiler.contentType(0.5), spoiler.accept(0.5), spoiler.idempotencyKey(0.5), body);
        });
    }

    @Provide
    Arbitrary<Attempt> uploads() {
        List<Operation> uploads = operations().stream().filter(op -> op.path().endsWith("/import") || op.path().endsWith("/invoice")).toList();
        JsonNode document = JSON.readTree(get("/v3/api-docs"));
        return Arbitraries.randoms().map(random -> {
            Operation operation = uploads.get(random.nextInt(uploads.size()));
            Spoiler spoiler = new Spoiler(random, document, fixture());
            String type = spoiler.pick("text/csv", "text/csv; charset=windows-1252", "application/pdf", "text/plain",
                    "application/octet-stream", "multipart/form-data; boundary=x", "*/*", "application/json");
            return new Attempt(operation, spoiler.caller(), spoiler.path(operation.path()) + spoiler.query(operation.spec(), 0.3),
                    type, spoiler.accept(0.8), spoiler.idempotencyKey(0.8), spoiler.file());
        });
    }

    /** Makes values from the document's schemas, and spoils them. */
    private static final class Spoiler {

        /** Written into the JSON text as the escape \\ud800 (a JSON writer would refuse the character itself). */
        private static final String LONE_SURROGATE = "LONE-SURROGATE";
        private static final String[] HOSTILE_TEXTS = {"", " ", "\u0000", "a\u0000b", "x".repeat(10_000), "=HYPERLINK(\"http://x\")",
                "+33", "-2", "@SUM(A1)", "\tTab", "ligne\r\nsuivante", "<script>alert(1)</script>", "' OR '1'='1", "\ud83c\udf4e",
                "\u202e\u200b\ufeff", "null", "../../etc/passwd", "%00", "日本語", "é".repeat(201), LONE_SURROGATE, "1e1000000", "NaN"};

        private static final String[] HOSTILE_NUMBERS = {"1e1000000", "1e-1000000", "1e2147483647", "-1", "0", "1e30", "-1e30",
                "1000000000", "99999999999.9999", "0.0001", "0.00000001", "NaN", "Infinity", "1,5", "1.5.5", "12 345,67", "0x10",
                "", " ", "٣", "1e9", "999999.999", "1000000", "10000000000"};
        private static final String[] HOSTILE_DATES = {"+300000-01-01", "0000-01-01", "-0001-12-31", "2026-02-30", "1999-12-31",
                "3000-01-01", "2026-13-01", "demain", "", "2026-12-24T25:00:00Z", "+294277-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "2999-12-31T23:59:59Z", "2026-12-24T18:00:00+25:00"};

        private final Random random;
        private final JsonNode document;
        private final ApiFixture fixture;

        Spoiler(Random random, JsonNode document, ApiFixture fixture) {
            this.random = random;
            this.document = document;
            this.fixture = fixture;
        }

        Caller caller() {
            Caller[] callers = Caller.values();
            // Mostly groupement A's coordinator (who may do most), often the others.
            return random.nextInt(3) == 0 ? callers[random.nextInt(callers.length)] : Caller.COORDINATOR_A;
        }

        String pick(String... values) {
            return values[random.nextInt(values.length)];
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        String path(String template) {
            StringBuilder path = new StringBuilder();
            String[] segments = template.split("/");
            for (int i = 1; i < segments.length; i++) {
                String segment = segments[i];
                path.append('/');
                if (segment.startsWith("{")) {
                    path.append(id(ApiFixture.kindOf(segments, i)));
                } else {
                    path.append(segment);
                }
            }
            return path.toString();
        }

        private String id(Kind kind) {
            if (kind != null && chance(0.85)) {
                List<ApiFixture.Id> ids = fixture.ids(kind);
                if (!ids.isEmpty()) {
                    return ids.get(random.nextInt(ids.size())).value();
                }
            }
            if (chance(0.5)) {
                return UUID.randomUUID().toString();
            }
            // Not %00 nor an encoded slash: Tomcat refuses such a URL itself, before Mutua (a 400 of its own).
            return enc(pick("x", "null", "0", "-1", "x".repeat(300), "..", "é", "catalog-directory", " ", ";", "%", ".",
                    UUID.randomUUID() + "x"));
        }

        /** A query string stays under Tomcat's 8 KB request line (beyond it, the server itself answers 400 in HTML). */
        private static String shortened(String value) {
            return value.length() > 1500 ? value.substring(0, 1500) : value;
        }

        String query(JsonNode operation, double p) {
            if (!chance(p)) {
                return "";
            }
            List<String> pairs = new ArrayList<>();
            if (operation.has("parameters")) {
                for (JsonNode parameter : operation.get("parameters")) {
                    if ("query".equals(parameter.path("in").asString()) && chance(0.7)) {
                        pairs.add(enc(parameter.get("name").asString()) + "="
                                + enc(shortened(scalar(resolve(parameter.path("schema")), parameter.get("name").asString()))));
                    }
                }
            }
            if (chance(0.1)) {
                pairs.add(enc(pick("label", "status", "round", "member", "at", "q", "x")) + "=" + enc(shortened(pick(HOSTILE_TEXTS))));
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        String contentType(double json) {
            return chance(json) ? "application/json" : pick("*/*", "text/plain", "application/xml", "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1", "application/problem+json", "text/csv",
                    "invalid", null);
        }

        String accept(double none) {
            return chance(none) ? null : pick("application/json", "*/*", "application/xml", "text/html", "application/pdf",
                    "text/csv", "invalid/", "application/*", "image/png, application/json;q=0.1");
        }

        String idempotencyKey(double none) {
            return chance(none) ? null : pick("cle-1", "cle-1", "cle-2", "k".repeat(201), "x;y", "%00", UUID.randomUUID().toString());
        }

        byte[] body(JsonNode requestBody) {
            if (chance(0.08)) {
                return pick("", "{", "null", "[]", "\"x\"", "1e1000000", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                        "{\"lines\":[null]}", "{\"address\":null}", "\u0000", "{}").getBytes(StandardCharsets.UTF_8);
            }
            JsonNode content = requestBody.path("content");
            JsonNode schema = content.has("application/json") ? content.get("application/json").path("schema")
                    : content.properties().iterator().hasNext() ? content.properties().iterator().next().getValue().path("schema") : null;
            Object value = schema == null ? Map.of() : value(resolve(schema), "body", 0);
            return JSON.writeValueAsString(value).replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
        }

        byte[] file() {
            String csv = switch (random.nextInt(8)) {
                case 0 -> "reference;nom;catégorie;unité;colis;prix HT;TVA\n" + pick(HOSTILE_TEXTS) + ";" + pick(HOSTILE_TEXTS) + ";Fruits;KG;"
                        + pick(HOSTILE_NUMBERS) + ";" + pick(HOSTILE_NUMBERS) + ";" + pick("5,5", "20", "7", "x", "") + "\n";
                case 1 -> "facture;" + pick(HOSTILE_TEXTS) + ";" + pick(HOSTILE_DATES) + ";\nligne;POM;" + pick(HOSTILE_NUMBERS) + ";"
                        + pick(HOSTILE_NUMBERS) + ";5,5;" + pick(HOSTILE_NUMBERS) + "\n";
                case 2 -> "\uFEFF" + "a;b;c\n".repeat(random.nextInt(5000));
                case 3 -> "%PDF-1.7\n" + pick(HOSTILE_TEXTS);
                case 4 -> "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "f".repeat(300) + ".csv\"\r\n\r\nKIWI;K\r\n--x--\r\n";
                case 5 -> "";
                case 6 -> "reference\treference\treference\n\u0000\t\u0000\n";
                default -> pick(HOSTILE_TEXTS);
            };
            if (chance(0.1)) {
                byte[] bytes = new byte[random.nextInt(4096)];
                random.nextBytes(bytes);
                return bytes;
            }
            return csv.getBytes(chance(0.8) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        }

        private JsonNode resolve(JsonNode schema) {
            JsonNode resolved = schema;
            for (int i = 0; i < 5 && resolved.has("$ref"); i++) {
                String name = resolved.get("$ref").asString().substring("#/components/schemas/".length());
                resolved = document.get("components").get("schemas").get(name);
            }
            if (resolved.has("oneOf") || resolved.has("anyOf")) {
                JsonNode options = resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf");
                return resolve(options.get(random.nextInt(options.size())));
            }
            if (resolved.has("allOf")) {
                return resolve(resolved.get("allOf").get(0));
            }
            return resolved;
        }

        private Object value(JsonNode schema, String name, int depth) {
            if (chance(0.06)) {
                return spoiled();
            }
            String type = schema.path("type").isArray() ? schema.path("type").get(0).asString() : schema.path("type").asString("");
            if (depth > 4) {
                return null;
            }
            if ("object".equals(type) || schema.has("properties")) {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (chance(0.85)) {
                        object.put(property.getKey(), value(resolve(property.getValue()), property.getKey(), depth + 1));
                    }
                }
                if (chance(0.05)) {
                    object.put("unexpected", spoiled());
                }
                return object;
            }
            if ("array".equals(type)) {
                List<Object> list = new ArrayList<>();
                int size = chance(0.05) ? 300 : random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(chance(0.05) ? null : value(resolve(schema.path("items")), name, depth + 1));
                }
                return list;
            }
            if ("boolean".equals(type)) {
                return random.nextBoolean();
            }
            if ("integer".equals(type) || "number".equals(type)) {
                return chance(0.7) ? (Object) random.nextInt(100) : pick(HOSTILE_NUMBERS);
            }
            return scalar(schema, name);
        }

        private String scalar(JsonNode schema, String name) {
            if (schema.has("enum") && chance(0.8)) {
                JsonNode values = schema.get("enum");
                return values.get(random.nextInt(values.size())).asString();
            }
            if (chance(0.3)) {
                return pick(HOSTILE_TEXTS);
            }
            String format = schema.path("format").asString("");
            String lower = name.toLowerCase();
            if ("uuid".equals(format) || lower.endsWith("id") || lower.endsWith("ids")) {
                List<ApiFixture.Id> ids = fixture.ids();
                return chance(0.8) ? ids.get(random.nextInt(ids.size())).value() : UUID.randomUUID().toString();
            }
            if ("date".equals(format) || lower.endsWith("date") || lower.endsWith("on")) {
                return chance(0.6) ? LocalDate.now().plusDays(random.nextInt(20) - 5).toString() : pick(HOSTILE_DATES);
            }
            if ("date-time".equals(format) || lower.endsWith("at")) {
                return chance(0.6) ? OffsetDateTime.now().plusDays(random.nextInt(20) - 5).withNano(0).toString() : pick(HOSTILE_DATES);
            }
            if (schema.has("pattern") || lower.contains("quantity") || lower.contains("price") || lower.contains("amount")
                    || lower.contains("percent") || lower.equals("from") || lower.contains("rate")) {
                return chance(0.5) ? pick("1", "2", "5", "10", "12.5", "0.5", "2,5", "5.5", "20") : pick(HOSTILE_NUMBERS);
            }
            if ("email".equals(format) || lower.contains("email")) {
                return pick("a@example.org", "x", "a@b", "é@é.fr", "a@example.org\r\nBcc: b@example.org", "x".repeat(300) + "@example.org");
            }
            if (lower.contains("siret")) {
                return pick("73282932000074", "00000000000000", "1234", "7328293200007４", "");
            }
            return pick("Pommes", "Épicerie solidaire", "Quai de Brazza", "F-2026-001", "33000", "Bordeaux", "Une note.",
                    "x".repeat(random.nextInt(300)));
        }

        private Object spoiled() {
            return switch (random.nextInt(7)) {
                case 0 -> null;
                case 1 -> pick(HOSTILE_TEXTS);
                case 2 -> pick(HOSTILE_NUMBERS);
                case 3 -> random.nextBoolean();
                case 4 -> List.of(pick(HOSTILE_TEXTS));
                case 5 -> Map.of("x", pick(HOSTILE_TEXTS));
                default -> random.nextLong();
            };
        }

        private static String enc(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
