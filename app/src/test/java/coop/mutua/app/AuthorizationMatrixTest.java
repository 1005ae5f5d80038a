package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.ApiFixture.Caller;
import coop.mutua.app.support.ApiFixture.Id;
import coop.mutua.app.support.ApiFixture.Kind;
import coop.mutua.app.support.ApiFixture.Owner;
import coop.mutua.app.support.ApiFixture;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix, generated from the OpenAPI document (issue 15): every operation, as every role of groupement A
 * on A's own objects, compared with {@code authorization-matrix.txt} (a new operation fails the test until its line is
 * written there, after thought); and every operation naming an object, as member A1 on A2's objects, supplier S1 on S2's
 * and each of groupement B's users on A's, which must be refused as unknown (403 or 404; 400 or 422 only for the request's
 * own shape), never 2xx nor a state conflict, and must store no event. The matrix as observed is written to
 * {@code target/authorization-matrix.txt}.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixTest {

    /** Changing one's password or the groupement's two-factor rule would lock the test out of its own accounts. */
    private static final Set<String> NOT_CALLED = Set.of("PUT /api/me/password", "PUT /api/coordination/security");
    private static final List<Caller> ROLES = List.of(Caller.COORDINATOR_A, Caller.MEMBER_A1, Caller.SUPPLIER_S1, Caller.OPERATOR);

    @Value("${local.server.port}")
    int port;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private record Operation(String method, String path, JsonNode spec) {
        String key() {
            return method + " " + path;
        }
    }

    @Test
    @Order(1)
    void everyRoleMayDoExactlyWhatTheMatrixSaysAndNobodyReachesAnothersObjects() throws IOException {
        ApiFixture fixture = ApiFixture.of(port, context);
        List<Operation> operations = operations();
        // Reads first, then changes, so that a change (a round closed, a token revoked) tells nothing about the reads.
        operations.sort((x, y) -> Boolean.compare(!x.method().equals("GET"), !y.method().equals("GET")));
        check(fixture, operations, (template, owner) -> path(fixture, template, owner),
                (operation, caller, path, owner) -> call(fixture, operation, caller, path, owner), "authorization-matrix.txt",
                "# Who may call what, on the objects of their own groupement (yes: the call passes authorization, whatever its"
                        + " input; no: 403 or 404).", "operations");
    }

    /** Builds a path from a template with the ids of an owner. */
    private interface Paths {
        String of(String template, Owner owner);
    }

    /** Makes one call and answers its status. */
    private interface Calls {
        int call(Operation operation, Caller caller, String path, Owner owner);
    }

    /**
     * Calls every operation as each role on its own groupement's objects, and as the others on objects not theirs; fails on
     * a crossing that was not refused as unknown, and compares the rows with the reviewed {@code file} (the observed
     * matrix is written to {@code target/file}).
     */
    private static void check(ApiFixture fixture, List<Operation> operations, Paths paths, Calls calls, String file, String header,
                              String what) throws IOException {
        Map<String, String> observed = new TreeMap<>();
        List<String> crossings = new ArrayList<>();
        int cells = 0;
        for (Operation operation : operations) {
            StringBuilder row = new StringBuilder();
            for (Caller caller : ROLES) {
                int status = calls.call(operation, caller, paths.of(operation.path(), ownerOf(caller)), ownerOf(caller));
                cells++;
                row.append(' ').append(caller.name()).append('=').append(status == 403 || status == 404 || status == 401 ? "no" : "yes");
            }
            observed.put(operation.key(), row.toString().strip());
            if (operation.path().contains("{")) {
                for (Map.Entry<Caller, Owner> crossing : crossingsOf(operation).entrySet()) {
                    String path = paths.of(operation.path(), crossing.getValue());
                    if (!reachesAnother(fixture, path, crossing.getKey())) {
                        continue;
                    }
                    int status = calls.call(operation, crossing.getKey(), path, crossing.getValue());
                    cells++;
                    if (status < 400 || status == 409) {
                        crossings.add(operation.key() + " (" + path + ") as " + crossing.getKey() + " on " + crossing.getValue()
                                + "'s objects: " + status);
                    }
                }
            }
        }
        StringBuilder matrix = new StringBuilder(header + "\n# Regenerated in app/target/" + file
                + " by AuthorizationMatrixTest: review a change, then copy it here.\n");
        observed.forEach((operation, row) -> matrix.append(operation).append(" | ").append(row).append('\n'));
        Path written = Path.of("target", file);
        Files.writeString(written, matrix);
        System.out.printf("AuthorizationMatrixTest: %d %s, %d cells%n", operations.size(), what, cells);

        assertThat(crossings).as("%s that reached another's object", what).isEmpty();
        assertThat(matrix.toString()).as("the matrix observed (%s) against src/test/resources/%s", written, file)
                .isEqualTo(expected(file));
    }

    /** Who else tries the operation's objects: A1 on A2's, S1 on S2's, each of B's users on A's. */
    private static Map<Caller, Owner> crossingsOf(Operation operation) {
        Map<Caller, Owner> crossings = new EnumMap<>(Caller.class);
        crossings.put(Caller.MEMBER_A1, Owner.A2);
        crossings.put(Caller.SUPPLIER_S1, Owner.S2);
        crossings.put(Caller.COORDINATOR_B, Owner.A);
        crossings.put(Caller.MEMBER_B, Owner.A1);
        crossings.put(Caller.SUPPLIER_B, Owner.S1);
        return crossings;
    }

    /** Whether the path names an object the caller must not reach: another groupement's, the other member's or supplier's. */
    private static boolean reachesAnother(ApiFixture fixture, String path, Caller caller) {
        boolean ofB = caller.name().endsWith("_B");
        // A listing of the network directory is everyone's to read (ADR 22): it is no groupement's object.
        return fixture.ids().stream().filter(id -> id.kind() != Kind.LISTING && path.contains(id.value())).anyMatch(id -> ofB ? id.owner() != Owner.B
                : caller == Caller.MEMBER_A1 ? id.owner() == Owner.A2
                : caller == Caller.SUPPLIER_S1 && id.owner() == Owner.S2);
    }

    private static Owner ownerOf(Caller caller) {
        return switch (caller) {
            case MEMBER_A1 -> Owner.A1;
            case SUPPLIER_S1 -> Owner.S1;
            default -> Owner.A;
        };
    }

    /** Calls with the ids of {@code owner} (or, for a kind it has none of, groupement A's); checks no event on a refusal. */
    private int call(ApiFixture fixture, Operation operation, Caller caller, String path, Owner owner) {
        fixture.restoreLogins(jdbc);
        String correlation = "matrix-" + UUID.randomUUID();
        Http http = new Http(port);
        String login = fixture.login(caller);
        String body = operation.spec().has("requestBody") ? body(operation, fixture, owner) : "";
        Http.Reply reply = switch (operation.method()) {
            case "GET" -> http.get(path, login, ApiFixture.PASSWORD, "X-Correlation-Id", correlation);
            case "PUT" -> http.putJson(path, login, ApiFixture.PASSWORD, body, "X-Correlation-Id", correlation);
            case "DELETE" -> http.delete(path, login, ApiFixture.PASSWORD, "X-Correlation-Id", correlation);
            default -> path.endsWith("/import") || path.endsWith("/invoice") && body.isEmpty()
                    ? http.postBytes(path, login, ApiFixture.PASSWORD, "text/csv", "reference;nom\n".getBytes(StandardCharsets.UTF_8),
                    "X-Correlation-Id", correlation)
                    : http.postJson(path, login, ApiFixture.PASSWORD, body, "X-Correlation-Id", correlation);
        };
        assertThat(reply.status()).as("%s %s as %s: %s", operation.method(), path, caller, reply.body()).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(metadata, 'UTF8') LIKE :correlation")
                    .param("correlation", "%" + correlation + "%").query(Long.class).single())
                    .as("events stored by a refused call: %s %s as %s", operation.method(), path, caller).isZero();
        }
        return reply.status();
    }

    private static String path(ApiFixture fixture, String template, Owner owner) {
        StringBuilder path = new StringBuilder();
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            path.append('/');
            if (!segments[i].startsWith("{")) {
                path.append(segments[i]);
                continue;
            }
            Kind kind = ApiFixture.kindOf(segments, i);
            path.append(segments[i].equals("{year}") ? String.valueOf(LocalDate.now().getYear()) : kind == null ? "x" : pick(fixture, kind, owner));
        }
        return path.toString();
    }

    /** The owner's object of that kind; for a member's or supplier's caller without one, its groupement's. */
    private static String pick(ApiFixture fixture, Kind kind, Owner owner) {
        List<Id> ids = fixture.ids(kind);
        return ids.stream().filter(id -> id.owner() == owner).findFirst()
                .or(() -> ids.stream().filter(id -> id.owner() == groupementOf(owner)).findFirst())
                .or(() -> ids.stream().filter(id -> groupementOf(id.owner()) == groupementOf(owner)).findFirst())
                .map(Id::value).orElse(UUID.randomUUID().toString());
    }

    private static Owner groupementOf(Owner owner) {
        return owner == Owner.B ? Owner.B : Owner.A;
    }

    /** A small body of the right shape: enough to pass the reading of the request, so that authorization is what decides. */
    private static String body(Operation operation, ApiFixture fixture, Owner owner) {
        String path = operation.path();
        if (path.endsWith("/orders/{memberId}")) {
            return "{\"lines\":[]}";
        }
        if (path.endsWith("/reception")) {
            return "{\"lines\":[]}";
        }
        if (path.endsWith("/invoice")) {
            return "{\"number\":\"M-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"issueDate\":\"" + LocalDate.now()
                    + "\",\"lines\":[]}";
        }
        if (path.startsWith("/api/listing-requests/")) {
            return "{\"text\":\"Matrice\"}";
        }
        if (path.endsWith("/changes")) {
            return "{\"productId\":\"" + pick(fixture, Kind.PRODUCT, owner) + "\",\"change\":\"OUT_OF_STOCK\"}";
        }
        if (path.endsWith("/tokens")) {
            return "{\"name\":\"Matrice\"}";
        }
        return "{}";
    }

    private List<Operation> operations() {
        JsonNode document = new Http(port).get("/v3/api-docs", null, null).json();
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                Operation found = new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue());
                if (!NOT_CALLED.contains(found.key())) {
                    operations.add(found);
                }
            }
        }
        return operations;
    }

    private static String expected(String file) throws IOException {
        try (InputStream in = AuthorizationMatrixTest.class.getResourceAsStream("/" + file)) {
            return in == null ? "(no src/test/resources/" + file + " yet)" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // ---- Pages and form posts ----

    /** Page posts that would lock the test out of its own accounts (a password, two-factor rules) or end its session. */
    private static final Set<String> PAGES_NOT_CALLED = Set.of("POST /account/password", "POST /account/two-factor",
            "POST /account/two-factor/disable", "POST /account/two-factor/recovery-codes", "POST /coordination/security");

    /**
     * The same for the pages, from the application's own request mappings (a new page or form is covered without editing
     * the test): every page and form post, as every role of groupement A on A's objects, with a session, a CSRF token and
     * an empty form, compared with {@code page-matrix.txt}; and as A1 on A2's, S1 on S2's and B's users on A's objects,
     * always refused as unknown (403 or 404; 400 only for the form's own shape), never shown nor done nor a state conflict,
     * and no event stored. Posts that take something away (deactivate, disable, revoke, cancel) come last, so that they
     * decide nothing about the others.
     */
    @Test
    @Order(2)
    void everyRoleSeesAndPostsExactlyThePagesTheMatrixSaysAndNobodyReachesAnothersObjects() throws IOException {
        ApiFixture fixture = ApiFixture.of(port, context);
        fixture.renewToken(port);
        Map<Caller, Http> sessions = new EnumMap<>(Caller.class);
        fixture.restoreListings(port);
        check(fixture, pages(), (template, owner) -> pagePath(fixture, template, owner),
                (page, caller, path, owner) -> callPage(fixture, sessions, page, caller, path), "page-matrix.txt",
                "# Who may see which page and post which form, on the objects of their own groupement (yes: it passes"
                        + " authorization, whatever the form holds; no: 403 or 404).", "pages and form posts");
    }

    /** A page as a browser asks for it, or a form posted with the session's CSRF token and nothing else; checks no event on a refusal. */
    private int callPage(ApiFixture fixture, Map<Caller, Http> sessions, Operation page, Caller caller, String path) {
        fixture.restoreLogins(jdbc);
        for (int attempt = 0; ; attempt++) {
            Http session = sessions.computeIfAbsent(caller, c -> Pages.loggedIn(port, fixture.login(c)));
            String correlation = "pages-" + UUID.randomUUID();
            Http.Reply reply;
            if (page.method().equals("GET")) {
                reply = session.get(path, null, null, "X-Correlation-Id", correlation);
            } else {
                String csrf = Pages.csrf(session.get("/account", null, null).body());
                reply = page.path().endsWith("/import") || page.path().endsWith("/invoice-file")
                        ? session.postMultipart(path, csrf, "vide.csv", "reference;nom\n".getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING",
                        "X-Correlation-Id", correlation)
                        : session.postForm(path, "_csrf=" + Pages.enc(csrf) + formFields(fixture, page.path(), ownerOf(caller)),
                        "X-Correlation-Id", correlation);
            }
            String location = reply.header("Location");
            if (reply.status() == 302 && location != null && location.endsWith("/login") && attempt == 0) {
                // The session ended (the account was disabled by an earlier post, then restored): log in again.
                sessions.remove(caller);
                continue;
            }
            assertThat(reply.status()).as("%s %s as %s: %s", page.method(), path, caller, reply.body()).isLessThan(500);
            if (reply.status() >= 400) {
                assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE convert_from(metadata, 'UTF8') LIKE :correlation")
                        .param("correlation", "%" + correlation + "%").query(Long.class).single())
                        .as("events stored by a refused page post: %s %s as %s", page.method(), path, caller).isZero();
            }
            return reply.status();
        }
    }

    /** The few fields a form needs to be read at all, so that authorization is what decides (as {@link #body} for the API). */
    private static String formFields(ApiFixture fixture, String path, Owner owner) {
        if (path.endsWith("/terms")) {
            return "&allocationPolicy=PRO_RATA&feeSplitPolicy=BY_VALUE";
        }
        if (path.endsWith("/decision")) {
            return "&confirm=true";
        }
        if (path.endsWith("/changes")) {
            return "&change=OUT_OF_STOCK&productId=" + pick(fixture, Kind.PRODUCT, owner);
        }
        return "";
    }

    /** The pages and form posts of the application: its request mappings outside the API, the documentation and errors. */
    private List<Operation> pages() {
        RequestMappingHandlerMapping mappings = context.getBean(
                "requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> keys = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().isAnnotationPresent(RestController.class)
                    || info.getPathPatternsCondition() == null) {
                return;
            }
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                if (path.startsWith("/api/") || path.startsWith("/v3/") || path.startsWith("/swagger") || path.equals("/error")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                        .forEach(m -> keys.add(m.name() + " " + path));
            }
        });
        List<Operation> pages = new ArrayList<>();
        for (String key : keys) {
            if (!PAGES_NOT_CALLED.contains(key)) {
                String[] parts = key.split(" ", 2);
                pages.add(new Operation(parts[0], parts[1], null));
            }
        }
        pages.sort(Comparator.comparing((Operation page) -> !page.method().equals("GET"))
                .thenComparing(page -> page.path().matches(".*/(deactivate|disable|revoke|cancel)$"))
                .thenComparing(Operation::key));
        assertThat(pages).as("pages found").hasSizeGreaterThan(40);
        return pages;
    }

    private static String pagePath(ApiFixture fixture, String template, Owner owner) {
        StringBuilder path = new StringBuilder();
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            path.append('/');
            String segment = segments[i];
            if (!segment.contains("{")) {
                path.append(segment);
                continue;
            }
            String name = segment.substring(segment.indexOf('{') + 1, segment.indexOf('}'));
            String suffix = segment.substring(segment.indexOf('}') + 1);
            Kind kind = pageKind(name, segments[i - 1]);
            path.append(switch (name) {
                case "decision" -> "accept";
                case "file" -> "impact";
                case "year" -> String.valueOf(LocalDate.now().getYear());
                default -> kind == null ? ApiFixture.randomId() : pick(fixture, kind, owner);
            }).append(suffix);
        }
        return path.toString();
    }

    /** The kind of id a page's path variable names: by its name, else by the segment before it. */
    private static Kind pageKind(String name, String before) {
        return switch (name) {
            case "orderId" -> Kind.SUPPLIER_ORDER;
            case "supplierId" -> Kind.SUPPLIER;
            case "invoiceId" -> before.equals("supplier-invoices") ? Kind.SUPPLIER_INVOICE : Kind.MEMBER_INVOICE;
            case "id" -> switch (before) {
                case "rounds" -> Kind.ROUND;
                case "members" -> Kind.MEMBER;
                case "suppliers" -> Kind.SUPPLIER;
                case "products" -> Kind.PRODUCT;
                case "imports" -> Kind.IMPORT;
                case "supplier-orders" -> Kind.SUPPLIER_ORDER;
                case "invoices" -> Kind.MEMBER_INVOICE;
                case "people" -> Kind.USER;
                case "tokens" -> Kind.TOKEN;
                case "groupements" -> Kind.GROUPEMENT;
                case "network" -> Kind.LISTING;
                case "request", "requests" -> Kind.LISTING_REQUEST;
                default -> null;
            };
            default -> null;
        };
    }
}
