package coop.mutua.app.bench;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListSupplierCommand;
import coop.mutua.catalog.api.ListingDetails;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.Luhn;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Siret;
import coop.mutua.kernel.SupplierId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Network directory benchmark (not a test): N listings (default 5,000) spread over the communes of France, then the
 * public pages and API as a visitor asks for them, one after the other, each request timed from send to the last byte:
 * the search page without criteria, with a text, a sector and a distance from a commune, the API's search, a listing's
 * page. Goal (issue 18): p99 under 100 ms. Comparator, in the same run: the naive directory query (one SQL statement
 * matching the text with ILIKE, first 20 by name) through JDBC. Run with {@code mvn -Pbench verify}
 * ({@code -Dbench.listings=N}).
 */
public final class NetworkDirectoryBenchmark {

    private static final String[] WORDS = {"Ferme", "Atelier", "Coopérative", "Savonnerie", "Recyclerie", "Jardins", "Conserverie",
        "Boulangerie", "Brasserie", "Fromagerie", "Menuiserie", "Imprimerie", "Laverie", "Cantine", "Vélo", "Tissage", "Épicerie"};
    private static final String[] PLACES = {"du Bourg", "des Coteaux", "Solidaire", "de la Vallée", "d'Insertion", "Partagée",
        "du Littoral", "des Landes", "Paysanne", "Citoyenne"};
    private static final String[] CATEGORIES = {"Légumes", "Fruits", "Pain", "Fromages", "Savons", "Lessives", "Réemploi", "Travaux",
        "Entretien", "Textile", "Papeterie", "Livraison", "Informatique", "Conserves", "Boissons", "Plants"};

    private NetworkDirectoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int listings = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        ConfigurableApplicationContext app = BenchmarkApp.start("network", List.of());
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<String> ids = seed(app, listings);
            long stored = jdbc.sql("SELECT count(*) FROM network_listing").query(Long.class).single();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port;
            Random random = new Random(7);
            List<Timed> pages = List.of(
                    new Timed("GET /network (no criteria)", () -> base + "/network"),
                    new Timed("GET /network?q=&commune=&maxKm=", () -> base + "/network?q=" + enc(CATEGORIES[random.nextInt(CATEGORIES.length)])
                            + "&commune=33063&maxKm=150"),
                    new Timed("GET /network?sector=&label=", () -> base + "/network?sector=ALIMENTATION&label=ORGANIC_AB&commune=Lyon"),
                    new Timed("GET /api/network/listings?q=", () -> base + "/api/network/listings?q=" + enc(WORDS[random.nextInt(WORDS.length)])
                            + "&commune=75056"),
                    new Timed("GET /network/{id}", () -> base + "/network/" + ids.get(random.nextInt(ids.size()))));
            for (Timed page : pages) {
                for (int i = 0; i < Math.min(50, requests); i++) {
                    page.call(http, false);
                }
                for (int i = 0; i < requests; i++) {
                    page.call(http, true);
                }
            }
            double[] naive = new double[requests];
            for (int i = 0; i < requests + 50; i++) {
                String word = "%" + WORDS[random.nextInt(WORDS.length)].toLowerCase(Locale.ROOT) + "%";
                long began = System.nanoTime();
                jdbc.sql("SELECT * FROM network_listing WHERE lower(name) LIKE :w OR lower(description) LIKE :w ORDER BY name LIMIT 20")
                        .param("w", word).query().listOfRows();
                if (i >= 50) {
                    naive[i - 50] = (System.nanoTime() - began) / 1e6;
                }
            }
            double naiveP99 = percentile(naive, 0.99);
            System.out.printf(Locale.ROOT, "Network directory: %d listings, %d requests per page after 50 of warm-up, %d cores%n", stored,
                    requests, Runtime.getRuntime().availableProcessors());
            BenchResults results = new BenchResults("network-directory").setup("listings", stored).setup("requests", requests);
            for (Timed page : pages) {
                double p50 = percentile(page.millis(), 0.5);
                double p99 = percentile(page.millis(), 0.99);
                System.out.printf(Locale.ROOT, "  %-34s p50 %6.1f ms  p99 %6.1f ms  (%d bytes)%n", page.name(), p50, p99, page.bytes);
                results.atMost(page.name() + " p99", p99, "ms", 100).report(page.name() + " p50", p50, "ms");
            }
            System.out.printf(Locale.ROOT, "  naive SQL (ILIKE, first 20): p99 %6.1f ms%n", naiveP99);
            double worst = pages.stream().mapToDouble(page -> percentile(page.millis(), 0.99)).max().orElse(0);
            results.lowerIsBetter("slowest public page p99", worst, "ms", "naive SQL directory query p99 (JDBC)", naiveP99, null);
            results.write();
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** N listings as one groupement lists them, in random communes, sectors and labels (a tenth with an expired certificate's date). */
    private static List<String> seed(ConfigurableApplicationContext app, int count) {
        CommandGateway commands = app.getBean(CommandGateway.class);
        Gazetteer gazetteer = app.getBean(Gazetteer.class);
        List<Gazetteer.Commune> communes = gazetteer.search("a", 5000);
        GroupementId groupement = GroupementId.random();
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Object>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = String.format(Locale.ROOT, "9%012d", i);
            String siret = body + Luhn.checkDigit(body);
            ListingId id = ListingId.ofSiret(new Siret(siret));
            Gazetteer.Commune commune = communes.get(random.nextInt(communes.size()));
            List<LabelClaim> labels = random.nextInt(3) == 0 ? List.of() : List.of(new LabelClaim(
                    SupplierLabel.values()[random.nextInt(SupplierLabel.values().length)], "CERT-" + i, LocalDate.now().plusYears(1)));
            List<String> categories = Arrays.asList(CATEGORIES[random.nextInt(CATEGORIES.length)], CATEGORIES[random.nextInt(CATEGORIES.length)]);
            ListingDetails details = new ListingDetails(WORDS[random.nextInt(WORDS.length)] + " " + PLACES[random.nextInt(PLACES.length)] + " " + i,
                    siret, EssFamily.values()[random.nextInt(EssFamily.values().length)], labels, Sector.values()[random.nextInt(Sector.values().length)],
                    categories, commune.code(), commune.point(), Set.of(commune.department()), random.nextBoolean() ? 50 : null,
                    Money.ofCents(random.nextInt(300) * 100L), "contact" + i + "@example.org", null, null,
                    "Structure de l'économie sociale et solidaire : " + String.join(", ", categories).toLowerCase(Locale.ROOT) + ".");
            sent.add(commands.send(new ListSupplierCommand(id, groupement, SupplierId.random(), details)));
            ids.add(id.value());
            if (sent.size() >= 64) {
                sent.forEach(CompletableFuture::join);
                sent.clear();
            }
        }
        sent.forEach(CompletableFuture::join);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (jdbc.sql("SELECT count(*) FROM network_listing").query(Long.class).single() < count && System.nanoTime() < deadline) {
            sleep(200);
        }
        return ids;
    }

    /** One kind of request and the times it took. */
    private static final class Timed {
        private final String name;
        private final java.util.function.Supplier<String> address;
        private final List<Double> times = new ArrayList<>();
        private long bytes;

        Timed(String name, java.util.function.Supplier<String> address) {
            this.name = name;
            this.address = address;
        }

        String name() {
            return name;
        }

        void call(HttpClient http, boolean timed) throws Exception {
            long began = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(address.get())).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            double millis = (System.nanoTime() - began) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(address.get() + " answered " + response.statusCode());
            }
            bytes = response.body().length;
            if (timed) {
                times.add(millis);
            }
        }

        double[] millis() {
            return times.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
