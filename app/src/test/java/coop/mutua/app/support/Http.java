package coop.mutua.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for API tests: real requests over the loopback, HTTP Basic as an API client would. Every answer
 * under {@code /api/} is checked against the published OpenAPI document ({@link OpenApiContract}).
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client;
    private final String base;
    private final int port;

    /** A stateless client, as API callers are. */
    public Http(int port) {
        this(port, false);
    }

    /** With {@code keepCookies}, a client that keeps its session like a browser does. */
    public Http(int port, boolean keepCookies) {
        this.base = "http://localhost:" + port;
        this.port = port;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (keepCookies) {
            builder.cookieHandler(new CookieManager());
        }
        this.client = builder.build();
    }

    /** Status, headers and body of one exchange. */
    public record Reply(int status, HttpResponse<String> response) {
        public String body() {
            return response.body();
        }

        public JsonNode json() {
            return JSON.readTree(response.body());
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Reply get(String path, String username, String password, String... headers) {
        HttpRequest.Builder request = request(path, username, password, headers).GET();
        return send(request);
    }

    public Reply postJson(String path, String username, String password, String json, String... headers) {
        HttpRequest.Builder request = request(path, username, password, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    public Reply putJson(String path, String username, String password, String json, String... headers) {
        HttpRequest.Builder request = request(path, username, password, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    public Reply postBytes(String path, String username, String password, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path, username, password, headers)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request);
    }

    /** A multipart form as a browser sends it: the CSRF token, one file, the import mode. */
    public Reply postMultipart(String path, String csrf, String fileName, byte[] content, String mode, String... headers) {
        String boundary = "mutua" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Charset utf8 = StandardCharsets.UTF_8;
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(utf8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n" + mode + "\r\n").getBytes(utf8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = request(path, null, null, headers)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(request);
    }

    public Reply delete(String path, String username, String password, String... headers) {
        return send(request(path, username, password, headers).DELETE());
    }

    public Reply postForm(String path, String form, String... headers) {
        HttpRequest.Builder request = request(path, null, null, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        return send(request);
    }

    private HttpRequest.Builder request(String path, String username, String password, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (username != null) {
            String credentials = username + ":" + password;
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** A GET whose body is binary (a PDF): the bytes, or an exception naming the status. */
    public byte[] getBytes(String path, String username, String password, String... headers) {
        try {
            HttpRequest request = request(path, username, password, headers).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            checkContract(request, response.statusCode(), response.headers(),
                    response.headers().firstValue("Content-Type").orElse("").contains("json")
                            ? new String(response.body(), StandardCharsets.UTF_8) : response.body().length == 0 ? "" : "(binary)");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            checkContract(built, response.statusCode(), response.headers(), response.body());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void checkContract(HttpRequest request, int status, HttpHeaders headers, String body) {
        String path = request.uri().getRawPath();
        if (path.startsWith("/api/")) {
            OpenApiContract.of(port).check(request.method(), path, status, headers.firstValue("Content-Type").orElse(null), body);
        }
    }
}
