package coop.mutua.app;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.Pages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A form posted with a Host header of the caller's choosing (Java's HTTP client will not send one): a session and its
 * CSRF token are fetched the same way first. Answers only the status line's code and the raw answer.
 */
final class HostHeader {

    private static final Pattern SESSION = Pattern.compile("(?i)Set-Cookie: (JSESSIONID=[^;\\r\\n]+)");
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    private HostHeader() {
    }

    static Http.Reply post(int port, String host, String path, String form) {
        String page = exchange(port, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        Matcher session = SESSION.matcher(page);
        if (!session.find()) {
            throw new IllegalStateException("no session cookie in " + page);
        }
        String body = "_csrf=" + Pages.enc(Pages.csrf(page)) + "&" + form;
        String answer = exchange(port, "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + session.group(1)
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
        Matcher status = STATUS.matcher(answer);
        if (!status.find()) {
            throw new IllegalStateException("no status in " + answer);
        }
        return new Http.Reply(Integer.parseInt(status.group(1)), null);
    }

    static String exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
