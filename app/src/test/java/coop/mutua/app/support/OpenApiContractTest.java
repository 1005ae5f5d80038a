package coop.mutua.app.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The drift check fails on what the document does not say, so that the API tests relying on it can fail. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "paths":{"/api/rounds/{id}":{"get":{"responses":{
               "200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Round"}}}},
               "404":{"description":"no","content":{"application/problem+json":{"schema":{"type":"object","required":["code"]}}}}}}}},
             "components":{"schemas":{"Round":{"type":"object","required":["id"],"properties":{
               "id":{"type":"string","format":"uuid"},
               "total":{"type":"string","pattern":"^-?[0-9]+\\\\.[0-9]{2}$"},
               "status":{"type":"string","enum":["OPEN","CLOSED"]}}}}}}""";

    private final OpenApiContract contract = OpenApiContract.ofDocument(DOCUMENT);

    @Test
    void aBodyAsDocumentedPasses() {
        assertThatCode(() -> contract.check("GET", "/api/rounds/6a5aaf92-339e-34cf-b9c3-26a6516a85ce", 200, "application/json",
                "{\"id\":\"6a5aaf92-339e-34cf-b9c3-26a6516a85ce\",\"total\":\"12.30\",\"status\":\"OPEN\"}"))
                .doesNotThrowAnyException();
    }

    @Test
    void aBodyThatIsNotWhatTheSchemaSaysFails() {
        String id = "6a5aaf92-339e-34cf-b9c3-26a6516a85ce";
        assertThatThrownBy(() -> contract.check("GET", "/api/rounds/" + id, 200, "application/json",
                "{\"id\":\"" + id + "\",\"total\":{\"cents\":1230}}")).isInstanceOf(AssertionError.class).hasMessageContaining("total");
        assertThatThrownBy(() -> contract.check("GET", "/api/rounds/" + id, 200, "application/json",
                "{\"id\":\"round-1\"}")).isInstanceOf(AssertionError.class).hasMessageContaining("uuid");
        assertThatThrownBy(() -> contract.check("GET", "/api/rounds/" + id, 200, "application/json",
                "{\"id\":\"" + id + "\",\"status\":\"POOLED\"}")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contract.check("GET", "/api/rounds/" + id, 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anUndocumentedStatusContentTypeOrOperationFails() {
        assertThatThrownBy(() -> contract.check("GET", "/api/rounds/x", 409, "application/problem+json", "{\"code\":\"c\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("409");
        assertThatThrownBy(() -> contract.check("GET", "/api/rounds/x", 404, "application/json", "{\"code\":\"c\"}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/json");
        assertThatThrownBy(() -> contract.check("DELETE", "/api/rounds/x", 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not documented");
        assertThatThrownBy(() -> contract.check("GET", "/api/elsewhere", 200, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no documented path");
    }
}
