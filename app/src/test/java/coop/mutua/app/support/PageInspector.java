package coop.mutua.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What a reviewer checks on every page, done by the browser: messages left unresolved, a decimal point in a French
 * number, console errors and Content-Security-Policy violations, a page wider than its window, and the accessibility
 * rules of axe-core (serious and critical only). Each finding is one line naming the page and the problem.
 */
public final class PageInspector {

    /** "5.5", "3.30" or "2.5 kg" in French text; IPv4 addresses and dotted versions are not numbers. */
    private static final Pattern DECIMAL_POINT = Pattern.compile("(?<![\\d.\\w])\\d+\\.\\d+(?![\\d.])");
    private static final Pattern UNRESOLVED = Pattern.compile("\\?\\?[\\w.-]+\\?\\?|\\{\\d}");
    private static final String AXE = loadAxe();

    private final ChromeDriver browser;

    public PageInspector(ChromeDriver browser) {
        this.browser = browser;
    }

    /** A GET from inside the page, with its session: status and content type, without navigating. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> fetch(String url, boolean htmx) {
        return (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const headers = arguments[1] ? {'HX-Request': 'true'} : {};
                fetch(arguments[0], {credentials: 'same-origin', headers, redirect: 'follow'})
                  .then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type') || '',
                                                      url: r.url, bytes: t.length, text: t.substring(0, 200000)})))
                  .catch(e => done({status: -1, type: '', url: arguments[0], bytes: 0, text: String(e)}));
                """, url, htmx);
    }

    /** Text findings in an HTML fragment or page source, for the htmx fragments the crawler fetches. */
    public static List<String> textProblems(String text, boolean french) {
        List<String> problems = new ArrayList<>();
        Matcher unresolved = UNRESOLVED.matcher(text);
        while (unresolved.find() && problems.size() < 5) {
            problems.add("unresolved message " + excerpt(text, unresolved.start()));
        }
        Matcher decimal = DECIMAL_POINT.matcher(text);
        while (french && decimal.find() && problems.size() < 5) {
            problems.add("decimal point in French text " + excerpt(text, decimal.start()));
        }
        return problems;
    }

    /** The visible text, the labels and the values of the page now loaded. */
    public String visibleText() {
        return (String) browser.executeScript("""
                const parts = [document.title, document.body.innerText];
                document.querySelectorAll('input:not([type=hidden]), textarea').forEach(i => parts.push(i.value || '', i.placeholder || ''));
                document.querySelectorAll('[aria-label],[title]').forEach(e => parts.push(e.getAttribute('aria-label') || '', e.getAttribute('title') || ''));
                return parts.join('\\n');
                """);
    }

    /** The browser console's errors (CSP violations included) since the last call. */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        return errors;
    }

    /** Sets the viewport as a device of that width would (a phone at 390), and says how wide the page is then. */
    public long widthAt(int width, int height, boolean mobile) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
        return ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
    }

    /** The elements that stick out of the window, deepest first (at most three), to say what makes a page too wide. */
    @SuppressWarnings("unchecked")
    public List<String> overflowing() {
        return (List<String>) browser.executeScript("""
                const width = document.documentElement.clientWidth;
                const out = Array.from(document.querySelectorAll('body *')).filter(e => {
                  const r = e.getBoundingClientRect();
                  if (r.width === 0 || r.right <= width + 1) return false;
                  const escapes = getComputedStyle(e).position === 'absolute' && (!e.offsetParent || e.offsetParent === document.body);
                  for (let p = e.parentElement; p && !escapes; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX;
                    if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
                  }
                  return !Array.from(e.children).some(c => c.getBoundingClientRect().right > width + 1);
                });
                return out.slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                    + ' (' + Math.round(e.getBoundingClientRect().right) + ' px) « ' + (e.innerText || e.value || '').substring(0, 40).replace(/\\s+/g, ' ') + ' »');
                """);
    }

    /**
     * Links, buttons and fields of the page that lie outside the window (at most three), even inside a region that
     * scrolls sideways: on a phone, an action one has to find by scrolling a table is an action not seen.
     */
    @SuppressWarnings("unchecked")
    public List<String> actionsOutOfSight() {
        return (List<String>) browser.executeScript("""
                const width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('main a[href], main button, main input:not([type=hidden]), main select, main textarea'))
                  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && (r.right > width + 1 || r.left < -1); })
                  .slice(0, 3)
                  .map(e => e.tagName.toLowerCase() + ' « ' + (e.innerText || e.value || e.name || e.getAttribute('aria-label') || '').substring(0, 40).replace(/\\s+/g, ' ')
                       + ' » at ' + Math.round(e.getBoundingClientRect().left) + '-' + Math.round(e.getBoundingClientRect().right) + ' px');
                """);
    }

    /**
     * Tables whose body rows do not have as many cells as the header has columns (colspans counted): a cell missing or one
     * too many puts a column's content under another's heading.
     */
    @SuppressWarnings("unchecked")
    public List<String> misalignedTables() {
        return (List<String>) browser.executeScript("""
                const width = row => Array.from(row.cells).reduce((sum, cell) => sum + (cell.colSpan || 1), 0);
                const found = [];
                document.querySelectorAll('table').forEach(table => {
                  const head = table.tHead && table.tHead.rows[0];
                  if (!head) return;
                  const columns = width(head);
                  Array.from(table.tBodies).flatMap(body => Array.from(body.rows)).forEach(row => {
                    if (width(row) !== columns && found.length < 3) {
                      found.push('table « ' + (table.caption ? table.caption.innerText : head.innerText).substring(0, 40).replace(/\\s+/g, ' ')
                          + ' »: ' + columns + ' columns, a row of ' + width(row) + ' cells');
                    }
                  });
                });
                return found;
                """);
    }

    /** Page weight and time from the Navigation Timing API: bytes transferred (page and resources) and load time. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> timing() {
        return (Map<String, Object>) browser.executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const resources = performance.getEntriesByType('resource');
                const bytes = (nav ? nav.encodedBodySize : 0) + resources.reduce((s, r) => s + (r.encodedBodySize || 0), 0);
                return {bytes, html: nav ? nav.encodedBodySize : 0, ms: nav ? Math.round(nav.duration) : -1};
                """);
    }

    /** axe-core's serious and critical violations on the page now loaded, one line per rule with a target. */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        browser.executeScript(AXE);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 target: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.substring(0, 120)).join(' | ')}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), target: ''}]));
                """);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : violations) {
            lines.add("axe " + v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " — " + v.get("target"));
        }
        return lines;
    }

    private static String excerpt(String text, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(text.length(), at + 40);
        return "« " + text.substring(from, to).replaceAll("\\s+", " ") + " »";
    }

    private static String loadAxe() {
        try (InputStream in = PageInspector.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
