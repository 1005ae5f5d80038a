package coop.mutua.app;

import static org.assertj.core.api.Assertions.assertThat;

import coop.mutua.app.support.Http;
import coop.mutua.app.support.Http.Reply;
import coop.mutua.app.support.IntegrationTest;
import coop.mutua.app.support.Pages;
import coop.mutua.app.support.TestGroupements;
import coop.mutua.app.support.TestGroupements.TestGroupement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The catalog's forms without JavaScript: errors shown next to their field, nothing saved; roles and ownership. */
@IntegrationTest
class CatalogPagesTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    TestGroupements groupements;

    TestGroupement groupement;

    @BeforeEach
    void setUp() {
        groupement = groupements.create("Réseau formulaires");
    }

    @Test
    void aMemberFormWithABadSiretShowsTheReasonOnTheFieldAndAGoodOneIsListed() {
        Http coordinator = Pages.loggedIn(port, groupement.coordinator());
        String form = coordinator.get("/members/new", null, null).body();
        String fields = "&name=" + Pages.enc("Crèche Les Lutins") + "&essFamily=ASSOCIATION&billingAddress.street=" + Pages.enc("2 rue Neuve")
                + "&billingAddress.postalCode=33000&billingAddress.city=Bordeaux&contactEmail=" + Pages.enc("creche@example.org");

        Reply refused = coordinator.postForm("/members", "_csrf=" + Pages.enc(Pages.csrf(form)) + "&siret=12345678901234" + fields);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"siret-error\"").contains("clé de contrôle").contains("value=\"Cr&egrave;che Les Lutins\"");

        Reply saved = coordinator.postForm("/members", "_csrf=" + Pages.enc(Pages.csrf(form)) + "&siret=" + Pages.enc("732 829 320 00074") + fields);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(coordinator.get("/members", null, null).body()).contains("Crèche Les Lutins");
    }

    @Test
    void aSupplierFormWithSeveralMistakesShowsThemAllAtTheirFieldsInTheUsersWordsAndSavesNothing() {
        Http coordinator = Pages.loggedIn(port, groupement.coordinator());
        String form = coordinator.get("/suppliers/new", null, null).body();

        Reply refused = coordinator.postForm("/suppliers", Pages.form(form, "name", "Ferme du Lac", "siret", "12345678901234",
                "address.street", "", "address.postalCode", "331", "address.city", "Lacanau", "location", "ici",
                "orderEmail", "pas-une-adresse", "minimumOrder", "cent"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).as("every mistake at once, each next to its field")
                .contains("id=\"siret-error\"").contains("id=\"address.street-error\"").contains("id=\"location-error\"")
                .contains("id=\"orderEmail-error\"").contains("id=\"minimumOrder-error\"")
                .contains("Code postal invalide");
        assertThat(refused.body()).as("fields named as the user knows them")
                .contains("« E-mail des commandes »").contains("« Adresse »").contains("« Minimum de commande »")
                .doesNotContain("« orderEmail »").doesNotContain("« location »").doesNotContain("« address");
        assertThat(coordinator.get("/suppliers", null, null).body()).doesNotContain("Ferme du Lac");
    }

    @Test
    void aSupplierManagesItsOwnCatalogButNotItsTermsNorOthersProducts() {
        Http supplier = Pages.loggedIn(port, groupement.supplier());
        String own = "/suppliers/" + groupement.supplierId();

        String page = supplier.get(own, null, null).body();
        assertThat(page).contains("Ajouter un produit").contains("Importer un fichier CSV").doesNotContain("Modifier le fournisseur");
        assertThat(supplier.get(own + "/edit", null, null).status()).isEqualTo(403);
        assertThat(supplier.get("/suppliers", null, null).status()).isEqualTo(403);

        String form = supplier.get(own + "/products/new", null, null).body();
        Reply added = supplier.postForm(own + "/products", "_csrf=" + Pages.enc(Pages.csrf(form)) + "&reference=PAIN-1&name=" + Pages.enc("Pain de campagne")
                + "&category=Boulangerie&saleUnit=PIECE&step=1&caseSize=10&minimumOrderQuantity=0&vatRate=5.5&unitPrice=" + Pages.enc("3,20")
                + "&tiers[0].from=20&tiers[0].price=" + Pages.enc("3,50") + "&available=true");
        assertThat(added.status()).as("a tier above the list price is refused").isEqualTo(200);
        assertThat(added.body()).contains("moins cher que le prix de base");

        Reply fixed = supplier.postForm(own + "/products", "_csrf=" + Pages.enc(Pages.csrf(form)) + "&reference=PAIN-1&name=" + Pages.enc("Pain de campagne")
                + "&category=Boulangerie&saleUnit=PIECE&step=1&caseSize=10&minimumOrderQuantity=0&vatRate=5.5&unitPrice=" + Pages.enc("3,20")
                + "&tiers[0].from=20&tiers[0].price=" + Pages.enc("2,90") + "&available=true");
        assertThat(fixed.status()).isEqualTo(302);
        assertThat(supplier.get(own, null, null).body()).contains("Pain de campagne").contains("3,20\u00a0€");

        TestGroupement other = groupements.create("Autre réseau");
        assertThat(supplier.get("/suppliers/" + other.supplierId(), null, null).status()).isEqualTo(404);
    }
}
