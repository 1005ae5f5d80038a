package coop.mutua.app.web;

import coop.mutua.app.account.AccountRole;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.ListingRequestId;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.MemberInvoiceId;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.SupplierOrderId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.UserId;
import coop.mutua.kernel.VatRate;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document says what is on the wire (API.md): kernel values are strings (amounts "12.30", quantities and
 * prices as decimals, VAT rates "5.5", ids as UUIDs), every operation lists the problem documents (RFC 9457) it can
 * answer with, and the schemas of errors are one {@code Problem}. The test suite validates every answer it receives
 * against this document ({@code OpenApiContract}), so the two cannot drift apart unnoticed.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String MONEY = "^-?[0-9]+\\.[0-9]{2}$";
    static final String DECIMAL = "^[0-9]+(\\.[0-9]+)?$";
    static final String PROBLEM = "application/problem+json";
    private static final String UUID = "uuid";
    /** String properties that hold an enumeration's value whatever their record says, by name, and the values. */
    private static final Map<String, List<String>> ENUMERATED = Map.of(
            "vatRate", Arrays.stream(VatRate.values()).map(VatRate::text).toList(),
            "rate", Arrays.stream(VatRate.values()).map(VatRate::text).toList(),
            "saleUnit", Arrays.stream(SaleUnit.values()).map(Enum::name).toList(),
            "role", Arrays.stream(AccountRole.values()).map(Enum::name).toList());

    static {
        SpringDocUtils config = SpringDocUtils.getConfig();
        config.replaceWithSchema(Money.class, string("An amount in euros, two decimals: \"12.30\" (a discount is negative;"
                + " a credit note states its amounts as positive, like the invoice it cancels)")
                .pattern(MONEY).example("12.30"));
        config.replaceWithSchema(Quantity.class, string("A quantity in the product's sale unit, as a decimal: \"2.5\"")
                .pattern(DECIMAL).example("2.5"));
        config.replaceWithSchema(UnitPrice.class, string("A unit price excluding VAT, as a decimal: \"1.80\"")
                .pattern(DECIMAL).example("1.80"));
        config.replaceWithSchema(BigDecimal.class, string("A decimal number, as a string: \"2.5\"")
                .pattern("^-?[0-9]+(\\.[0-9]+)?$").example("2.5"));
        StringSchema vatRate = string("A French VAT rate, in percent");
        Arrays.stream(VatRate.values()).forEach(rate -> vatRate.addEnumItem(rate.text()));
        config.replaceWithSchema(VatRate.class, vatRate);
        List<Class<?>> ids = List.of(GroupementId.class, MemberId.class, SupplierId.class, ProductId.class, RoundId.class, UserId.class,
                SupplierOrderId.class, MemberInvoiceId.class, ListingId.class, ListingRequestId.class);
        for (Class<?> id : ids) {
            config.replaceWithSchema(id, string("Identifier (" + id.getSimpleName() + ")").format(UUID));
        }
    }

    private static StringSchema string(String description) {
        StringSchema schema = new StringSchema();
        schema.setTypes(Set.of("string"));
        schema.setDescription(description);
        return schema;
    }

    @Bean
    OpenApiCustomizer wireContract() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.setComponents(components);
            components.addSchemas("Problem", problem());
            if (components.getSchemas() != null) {
                components.getSchemas().values().forEach(OpenApiConfiguration::idsAsUuids);
                components.getSchemas().values().forEach(OpenApiConfiguration::enumerationsByName);
            }
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> documentErrors(path, method, operation));
                }
            });
        };
    }

    /** An RFC 9457 problem document with Mutua's stable {@code code} (also the last segment of {@code type}). */
    private static Schema<?> problem() {
        ObjectSchema problem = new ObjectSchema();
        problem.setTypes(Set.of("object"));
        problem.setDescription("RFC 9457 problem details; `code` is stable, `detail` is in the caller's language");
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("https://mutua.coop/problems/{code}").format("uri"));
        properties.put("title", string("The HTTP status's reason"));
        IntegerSchema status = new IntegerSchema();
        status.setTypes(Set.of("integer"));
        properties.put("status", status);
        properties.put("detail", string("What went wrong and, for bad input, which field and what is allowed"));
        properties.put("instance", string("The request's path"));
        properties.put("code", string("Stable code, e.g. round.not-open, request.unreadable"));
        properties.put("field", string("The field at fault, when one is (e.g. lines[0].quantity)"));
        properties.put("retryAt", string("When a throttled login may try again (429)").format("date-time"));
        problem.setProperties(properties);
        problem.setRequired(List.of("status", "code"));
        return problem;
    }

    /**
     * The problems an operation can answer: 401, 429 (a throttled login) and 403 always; 404 when the path names a resource; 400 (unreadable
     * input) and 422 (refused by a rule) when it takes input; 409 (a later stage locks this one), 406 (no JSON accepted,
     * refused before any change) and 422 (an Idempotency-Key reused) when it changes something. Responses an operation declares itself keep their content; the problem's is added beside it.
     */
    private static void documentErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean input = changes || operation.getRequestBody() != null || !parameters.isEmpty();
        problem(responses, "401", "Not logged in (HTTP Basic), or two-factor is on for this account (code second-factor-required)");
        problem(responses, "429", "Too many failed logins for this login or address: wait until Retry-After (seconds)");
        problem(responses, "403", "Logged in, but this role may not do this");
        problem(responses, "406", "The Accept header admits none of the operation's formats (for a change: refused before anything changes)");
        boolean namesAnObject = parameters.stream().anyMatch(parameter -> "query".equals(parameter.getIn())
                && (isId(parameter.getName()) || List.of("round", "member", "supplier").contains(parameter.getName())));
        if (path.contains("{") || namesAnObject) {
            problem(responses, "404", "No such resource in the caller's groupement");
        }
        // Any request may be unreadable: a parameter with a control character, an address the firewall refuses.
        problem(responses, "400", "Unreadable input: the field, the value and what is allowed are named");
        if (input) {
            problem(responses, "422", "Refused by a rule: the reason is in detail and code");
        }
        if (changes) {
            problem(responses, "409", "The resource's state no longer allows this (a later stage locks it), or a request with the "
                    + "same Idempotency-Key is still running");
            if (parameters.stream().noneMatch(parameter -> "Idempotency-Key".equalsIgnoreCase(parameter.getName()))) {
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key")
                        .required(false).schema(string("At most 200 characters").maxLength(200))
                        .description("Repeating the same request with the same key answers the first answer again without "
                                + "doing it twice; the same key with another request is refused (422). Kept per caller for a day."));
            }
            problem(responses, "422", "Refused by a rule: the reason is in detail and code (also: an Idempotency-Key used for another request)");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "415", "A content type the operation does not take");
        }
        parameters.stream()
                .filter(parameter -> "path".equals(parameter.getIn()) && isId(parameter.getName()) && parameter.getSchema() != null)
                .forEach(parameter -> parameter.getSchema().setFormat(UUID));
    }

    private static void problem(ApiResponses responses, String code, String description) {
        ApiResponse response = responses.get(code);
        if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(code, response);
        }
        Content content = response.getContent() == null ? new Content() : response.getContent();
        response.setContent(content);
        if (!content.containsKey(PROBLEM)) {
            content.addMediaType(PROBLEM, new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")));
        }
    }

    /** String properties named id or ...Id are the UUIDs Mutua gives its resources. */
    @SuppressWarnings("rawtypes")
    private static void idsAsUuids(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.forEach((name, property) -> {
            if (isId(name) && isString(property) && property.getFormat() == null && property.getEnum() == null) {
                property.setFormat(UUID);
            }
            if (property.getItems() != null && isId(name.endsWith("s") ? name.substring(0, name.length() - 1) : name)) {
                Schema<?> items = property.getItems();
                if (isString(items) && items.getFormat() == null && items.get$ref() == null) {
                    items.setFormat(UUID);
                }
            }
        });
    }

    /**
     * Strings that hold an enumeration's value whatever the record says (a request's VAT rate, which also accepts "5,5";
     * a sale unit or a role read back as text) list the values they take.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void enumerationsByName(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        properties.forEach((name, property) -> {
            if (ENUMERATED.containsKey(name) && isString(property) && property.getEnum() == null) {
                ((Schema<String>) property).setEnum(ENUMERATED.get(name));
            }
        });
    }

    private static boolean isString(Schema<?> schema) {
        return "string".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("string");
    }

    private static boolean isId(String name) {
        return name.equals("id") || name.endsWith("Id");
    }
}
