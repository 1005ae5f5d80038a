package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.demo.DemoData;
import coop.mutua.app.support.Browser;
import coop.mutua.app.support.Http;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.PageInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * A crawler over the demo, which has a round in each status of a season: for every role it logs in, follows every
 * link and every htmx GET it finds, and reports any 5xx, any link the page shows that the role cannot follow, any
 * unresolved message, any decimal point in French text, any console error or CSP violation, any page wider than the
 * window at 1366 and at 390 px, and axe-core's serious or critical accessibility violations. The pages it saw, with
 * their weight and time, are written to target/crawl/pages.tsv.
 */
@IntegrationTest
@TestPropertySource(properties = "mutua.demo.enabled=true")
class EveryPageAsEveryRoleBrowserTest {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Pages whose kind depends on the state of what they show: every instance is visited, the others once per role. */
    private static final List<String> EVERY_INSTANCE = List.of("/rounds/{id}", "/supplier-orders/{id}");

    @Value("${local.server.port}")
    int port;
    @Value("${mutua.demo.password}")
    String password;

    private ChromeDriver browser;
    private final List<String> pagesSeen = new ArrayList<>();
    private final Set<String> pictured = new HashSet<>();

    @AfterEach
    void quit() throws IOException {
        Browser.screenshotAndQuit(browser, "crawl/last-page.png");
        Path report = Path.of("target", "crawl", "pages.tsv");
        Files.createDirectories(report.getParent());
        Files.write(report, pagesSeen);
    }

    @Test
    void everyPageEveryRoleEveryStateIsWholeReadableAccessibleAndFitsTheWindow() {
        awaitSeasonSeeded();
        List<String> findings = new ArrayList<>();
        pagesSeen.add("role\turl\tstatus\tbytes\tms");
        for (DemoData.DemoLogin login : DemoData.logins()) {
            browser = browser == null ? Browser.start() : browser;
            findings.addAll(crawlAs(login.username()));
            browser.manage().deleteAllCookies();
        }
        assertThat(findings).as("what the crawler found over " + (pagesSeen.size() - 1) + " pages").isEmpty();
    }

    /** The checks themselves find what they look for (a crawler that cannot fail proves nothing). */
    @Test
    void theChecksFindWhatTheyLookFor() {
        browser = Browser.start();
        browser.get("data:text/html;charset=utf-8," + URLEncoder.encode("""
                <html lang="fr"><body><img src="x.png"><p>TVA 5.5 % ??x.y?? {0}</p>
                <div id="wide">large</div><input aria-label="prix" value="3.30">
                <table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td></tr></tbody></table></body></html>""",
                StandardCharsets.UTF_8).replace("+", "%20"));
        browser.executeScript("document.getElementById('wide').style.width = '2000px'; console.error('boom');");
        PageInspector inspector = new PageInspector(browser);
        List<String> text = PageInspector.textProblems(inspector.visibleText(), true);
        assertThat(text).anyMatch(p -> p.contains("unresolved message")).anyMatch(p -> p.contains("decimal point") && p.contains("5.5"))
                .anyMatch(p -> p.contains("3.30"));
        assertThat(PageInspector.textProblems("Adresse 192.168.1.10, version 4.6.3, 12,50 €", true)).isEmpty();
        assertThat(inspector.widthAt(390, 844, true)).isGreaterThan(390);
        assertThat(inspector.overflowing()).anyMatch(e -> e.startsWith("div"));
        assertThat(inspector.accessibilityViolations()).anyMatch(v -> v.contains("image-alt"));
        assertThat(inspector.consoleErrors()).anyMatch(e -> e.contains("boom"));
        assertThat(inspector.misalignedTables()).anyMatch(t -> t.contains("2 columns, a row of 3 cells"));
    }

    private List<String> crawlAs(String username) {
        logIn(username);
        PageInspector inspector = new PageInspector(browser);
        inspector.consoleErrors();
        List<String> findings = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>(List.of(base() + "/", base() + "/account"));
        Set<String> queued = new LinkedHashSet<>(queue);
        Map<String, Integer> perKind = new HashMap<>();
        Set<String> fragmentsSeen = new TreeSet<>();
        while (!queue.isEmpty()) {
            String url = queue.poll();
            String kind = kind(url);
            int limit = EVERY_INSTANCE.stream().anyMatch(kind::startsWith) ? 20 : 1;
            if (perKind.merge(kind, 1, Integer::sum) > limit) {
                continue;
            }
            Map<String, Object> answer = inspector.fetch(url, false);
            int status = ((Number) answer.get("status")).intValue();
            String type = String.valueOf(answer.get("type"));
            String where = username + " " + path(url);
            if (status != 200) {
                findings.add(where + ": answered " + status + " to a link shown on a page");
                pagesSeen.add(username + "\t" + path(url) + "\t" + status + "\t\t");
                continue;
            }
            if (!type.startsWith("text/html")) {
                pagesSeen.add(username + "\t" + path(url) + "\t" + status + " " + type + "\t" + answer.get("bytes") + "\t");
                continue;
            }
            browser.get(url);
            settle();
            boolean french = "fr".equals(browser.executeScript("return document.documentElement.lang;"));
            Map<String, Object> timing = inspector.timing();
            pagesSeen.add(username + "\t" + path(url) + "\t" + status + "\t" + timing.get("bytes") + "\t" + timing.get("ms"));
            PageInspector.textProblems(inspector.visibleText(), french).forEach(p -> findings.add(where + ": " + p));
            long desktop = inspector.widthAt(1366, 900, false);
            if (desktop > 1366) {
                findings.add(where + ": " + desktop + " px wide in a 1366 px window " + inspector.overflowing());
            }
            inspector.accessibilityViolations().forEach(v -> findings.add(where + ": " + v));
            long phone = inspector.widthAt(390, 844, true);
            if (phone > 390) {
                findings.add(where + ": " + phone + " px wide on a 390 px phone " + inspector.overflowing());
            }
            inspector.actionsOutOfSight().forEach(action -> findings.add(where + ": on a 390 px phone, out of sight: " + action));
            inspector.misalignedTables().forEach(table -> findings.add(where + ": " + table));
            screenshot(username, kind);
            inspector.widthAt(1366, 900, false);
            for (String link : links()) {
                if (queued.add(link)) {
                    queue.add(link);
                }
            }
            for (String fragment : htmxGets()) {
                if (fragmentsSeen.add(kind(fragment))) {
                    Map<String, Object> part = inspector.fetch(fragment, true);
                    int partStatus = ((Number) part.get("status")).intValue();
                    if (partStatus >= 400) {
                        findings.add(where + ": its htmx GET " + path(fragment) + " answered " + partStatus);
                    }
                    PageInspector.textProblems(String.valueOf(part.get("text")).replaceAll("<[^>]*>", " "), french)
                            .forEach(p -> findings.add(where + ": htmx " + path(fragment) + " " + p));
                }
            }
            inspector.consoleErrors().forEach(e -> findings.add(where + ": console " + e));
        }
        return findings;
    }

    /** A picture of the page at phone width, once per role and kind of page, for a reviewer (target/crawl/). */
    private void screenshot(String username, String kind) {
        String name = (username + kind).replaceAll("[^\\w-]+", "_");
        Path file = Path.of("target", "crawl", name + "-390.png");
        if (!pictured.add(name)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Same-origin links of the page, except logging out and anchors. */
    @SuppressWarnings("unchecked")
    private List<String> links() {
        return (List<String>) browser.executeScript("""
                return Array.from(document.querySelectorAll('a[href]'))
                  .map(a => new URL(a.getAttribute('href'), location.href).href.split('#')[0])
                  .filter(h => h.startsWith(location.origin) && !h.includes('/logout'));
                """);
    }

    @SuppressWarnings("unchecked")
    private List<String> htmxGets() {
        return (List<String>) browser.executeScript("""
                return Array.from(document.querySelectorAll('[hx-get]')).map(e => new URL(e.getAttribute('hx-get'), location.href).href);
                """);
    }

    /** Waits for the page and its htmx requests (fragments loaded on "load") to finish. */
    private void settle() {
        new FluentWait<WebDriver>(browser).withTimeout(Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
                .until(b -> (Boolean) ((JavascriptExecutor) b).executeScript(
                        "return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0;"));
    }

    private void logIn(String username) {
        browser.get(base() + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".user-box")));
    }

    /** The demo's rounds reach their statuses through background work: wait until each status is there. */
    private void awaitSeasonSeeded() {
        Http http = new Http(port);
        Set<String> season = new TreeSet<>(List.of("OPEN", "DRAFT", "POOLED", "RECEIVED", "INVOICED", "SETTLED", "CANCELLED"));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Set<String> statuses = new TreeSet<>();
        while (!statuses.containsAll(season) && System.nanoTime() < deadline) {
            statuses.clear();
            http.get("/api/rounds", DemoData.GIRONDE_COORDINATOR, password).json().forEach(r -> statuses.add(r.get("status").asString()));
            sleep(200);
        }
        assertThat(statuses).as("the demo's season").containsAll(season);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** A page's kind: its path with ids as {id}, and the names of its query parameters. */
    private static String kind(String url) {
        URI uri = URI.create(url);
        String kind = ID.matcher(uri.getRawPath()).replaceAll("{id}");
        if (uri.getRawQuery() != null) {
            kind += "?" + String.join("&", new TreeSet<>(List.of(uri.getRawQuery().replaceAll("=[^&]*", "").split("&"))));
        }
        return kind;
    }
}
