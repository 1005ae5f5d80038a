package coop.mutua.app.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published OpenAPI document ({@code /v3/api-docs}) checked against every API answer the tests receive: the path
 * and operation are documented, the status code is one the operation documents, the content type too, and a JSON body
 * is valid against the documented schema (networknt's JSON Schema validator, OpenAPI 3.1 dialect, formats asserted).
 * {@link Http} calls {@link #check} after each exchange under {@code /api/}, so any test that calls the API fails when
 * the document drifts from the wire. The operations called are remembered for {@link ApiCoverage}.
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT = "https://mutua.test/v3/api-docs";
    private static final Map<Integer, OpenApiContract> BY_PORT = new ConcurrentHashMap<>();
    /** "GET /api/rounds/{id}" of every operation some test called, over the whole test run. */
    static final Set<String> CALLED = ConcurrentHashMap.newKeySet();
    /** Every operation of the documents read, over the whole test run. */
    static final Set<String> DOCUMENTED = ConcurrentHashMap.newKeySet();

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private record Template(String path, Pattern pattern, int literals) {
    }

    /** A contract on a given document (for the checker's own tests). */
    static OpenApiContract ofDocument(String json) {
        return new OpenApiContract(json);
    }

    private OpenApiContract(String json) {
        this.document = JSON.readTree(json);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT, json)).schemaRegistryConfig(config));
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").properties().iterator(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String regex = "^" + Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
            templates.add(new Template(path.getKey(), Pattern.compile(regex), path.getKey().replaceAll("\\{[^}]+}", "").length()));
            path.getValue().propertyNames().forEach(method -> DOCUMENTED.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    /** The document the application on this port publishes (read once). */
    public static OpenApiContract of(int port) {
        return BY_PORT.computeIfAbsent(port, p -> {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + p + "/v3/api-docs")).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    throw new AssertionError("/v3/api-docs answered " + response.statusCode());
                }
                try {
                    // Kept for reading (and diffing between runs): the document the tests checked the API against.
                    Files.writeString(Path.of("target", "api-docs.json"), response.body());
                } catch (IOException notWritten) {
                    // A convenience only.
                }
                return new OpenApiContract(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Fails (AssertionError) when the exchange is not what the document says. */
    public void check(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        Template template = templates.stream().filter(t -> t.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (template == null) {
            if (status == 404 || status == 401 || status == 405) {
                return;
            }
            throw new AssertionError("OpenAPI drift: " + method + " " + path + " answered " + status + " but no documented path matches it");
        }
        String operationName = method + " " + template.path();
        JsonNode operation = document.get("paths").get(template.path()).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            if (status == 405 || status == 401) {
                return;
            }
            throw new AssertionError("OpenAPI drift: " + operationName + " answered " + status + " but is not documented");
        }
        CALLED.add(operationName);
        JsonNode responses = operation.get("responses");
        String code = String.valueOf(status);
        JsonNode response = responses.get(code);
        if (response == null) {
            response = responses.get(code.charAt(0) + "XX");
            code = code.charAt(0) + "XX";
        }
        if (response == null) {
            response = responses.get("default");
            code = "default";
        }
        if (response == null) {
            throw new AssertionError("OpenAPI drift: " + operationName + " answered " + status + ", documented only "
                    + responses.propertyNames() + "\n" + abbreviate(body));
        }
        if (body == null || body.isEmpty()) {
            return;
        }
        JsonNode content = response.get("content");
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (content == null) {
            throw new AssertionError("OpenAPI drift: " + operationName + " " + status + " documents no body but sent " + mediaType
                    + "\n" + abbreviate(body));
        }
        String documented = documentedMediaType(content, mediaType);
        if (documented == null) {
            throw new AssertionError("OpenAPI drift: " + operationName + " " + status + " sent " + mediaType + ", documented "
                    + content.propertyNames());
        }
        JsonNode schema = content.get(documented).get("schema");
        if (schema == null || !mediaType.endsWith("json")) {
            return;
        }
        String pointer = "#/paths/" + escape(template.path()) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + escape(code)
                + "/content/" + escape(documented) + "/schema";
        Schema validator = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT + p)));
        List<Error> errors = validator.validate(JSON.readTree(body));
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder("OpenAPI drift: " + operationName + " " + status + " body does not match its schema:");
            errors.stream().limit(12).forEach(error -> message.append("\n  ").append(error));
            throw new AssertionError(message.append("\n").append(abbreviate(body)).toString());
        }
    }

    /** Operations documented but called by no test so far, sorted. */
    public static Set<String> uncalled() {
        Set<String> uncalled = new TreeSet<>(DOCUMENTED);
        uncalled.removeAll(CALLED);
        return uncalled;
    }

    private static String documentedMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        if (content.has("*/*")) {
            return "*/*";
        }
        return null;
    }

    private static String escape(String pointerSegment) {
        return pointerSegment.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 1500 ? body.substring(0, 1500) + "…" : body;
    }
}
