package coop.mutua.app.web;

import coop.mutua.app.problems.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every API request that changes something, kept per caller: the first request with a key runs
 * and, if it succeeded, its answer is stored and replayed to any retry of the same request (same method, path and body);
 * the same key with another request is refused with 422 naming the conflict; while the first still runs, a concurrent one
 * waits a little for its answer, then gets 409. A failed request frees its key (nothing was stored, a retry may run). Each
 * row is written in its own transaction, outside the request's. Keys longer than 200 characters are refused (400).
 * Controllers keep their own defences (ids derived from the key, the order's applied keys) beneath this one.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 200;
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(3);
    /** A request still marked running after this long died with its node: its key may be taken again. */
    private static final Duration ABANDONED = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final FilterProblems problems;

    IdempotencyFilter(JdbcClient jdbc, FilterProblems problems) {
        this.jdbc = jdbc;
        this.problems = problems;
    }

    private record Stored(String fingerprint, String state, Integer status, String contentType, String location, byte[] body) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(HEADER) == null
                || !FilterProblems.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > MAX_KEY || key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.write(request, response, 400, "idempotency-key.invalid", HEADER, MAX_KEY);
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        String scope = caller.getName();
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        if (!claim(scope, key, fingerprint)) {
            answerFromFirst(request, response, scope, key, fingerprint);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new BufferedBody(request, body), answer);
            if (answer.getStatus() >= 200 && answer.getStatus() < 300) {
                jdbc.sql("""
                                UPDATE idempotency_record SET state = 'DONE', status = :status, content_type = :type, location = :location,
                                       body = :body WHERE caller = :caller AND key = :key""")
                        .param("status", answer.getStatus()).param("type", answer.getContentType())
                        .param("location", answer.getHeader("Location")).param("body", answer.getContentAsByteArray())
                        .param("caller", scope).param("key", key).update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("DELETE FROM idempotency_record WHERE caller = :caller AND key = :key AND state = 'RUNNING'")
                        .param("caller", scope).param("key", key).update();
            }
            answer.copyBodyToResponse();
        }
    }

    /** Takes the key for this request; false when another request holds it (running or done). */
    private boolean claim(String scope, String key, String fingerprint) {
        jdbc.sql("DELETE FROM idempotency_record WHERE caller = :caller AND key = :key AND state = 'RUNNING' AND created_at < :abandoned")
                .param("caller", scope).param("key", key)
                .param("abandoned", Timestamp.from(Instant.now().minus(ABANDONED))).update();
        return jdbc.sql("""
                        INSERT INTO idempotency_record (caller, key, fingerprint, state) VALUES (:caller, :key, :fingerprint, 'RUNNING')
                        ON CONFLICT DO NOTHING""")
                .param("caller", scope).param("key", key).param("fingerprint", fingerprint).update() == 1;
    }

    private void answerFromFirst(HttpServletRequest request, HttpServletResponse response, String scope, String key, String fingerprint)
            throws IOException {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Optional<Stored> first = stored(scope, key);
            if (first.isEmpty()) {
                // The first request failed meanwhile and freed the key: this one may be tried again by the client.
                problems.write(request, response, 409, "idempotency-key.in-progress", HEADER);
                return;
            }
            if (!first.get().fingerprint().equals(fingerprint)) {
                problems.write(request, response, 422, "idempotency-key.reused", HEADER);
                return;
            }
            if ("DONE".equals(first.get().state())) {
                replay(response, first.get());
                return;
            }
            if (System.nanoTime() > deadline) {
                problems.write(request, response, 409, "idempotency-key.in-progress", HEADER);
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.write(request, response, 409, "idempotency-key.in-progress", HEADER);
                return;
            }
        }
    }

    private Optional<Stored> stored(String scope, String key) {
        return jdbc.sql("SELECT fingerprint, state, status, content_type, location, body FROM idempotency_record WHERE caller = :caller AND key = :key")
                .param("caller", scope).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6)))
                .optional();
    }

    private static void replay(HttpServletResponse response, Stored first) throws IOException {
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (first.body() != null) {
            response.getOutputStream().write(first.body());
        }
    }

    /** Method, path, query and body: the same request, whatever the headers. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets answers older than a day: a retry comes within minutes. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void forgetOldKeys() {
        jdbc.sql("DELETE FROM idempotency_record WHERE created_at < now() - interval '1 day'").update();
    }

    /** The request with its body read once, for the fingerprint, and served again to the controller. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
