package coop.mutua.app.demo;

import coop.mutua.app.account.Account;
import coop.mutua.app.account.Accounts;
import coop.mutua.app.account.Invitations;
import coop.mutua.app.account.People;
import coop.mutua.billing.api.MemberInvoiceView;
import coop.mutua.billing.api.SupplierInvoiceLine;
import coop.mutua.billing.api.SupplierInvoiceView;
import coop.mutua.billing.application.InvoicingMembers;
import coop.mutua.billing.application.MatchingSupplierInvoices;
import coop.mutua.billing.application.SettlingMemberInvoices;
import coop.mutua.catalog.api.AddProductCommand;
import coop.mutua.catalog.api.Address;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.PriceTier;
import coop.mutua.catalog.api.ProductDetails;
import coop.mutua.catalog.api.ProductIds;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.RegisterGroupementCommand;
import coop.mutua.catalog.api.RegisterMemberCommand;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SetMemberGoalsCommand;
import coop.mutua.catalog.application.ListingDraft;
import coop.mutua.catalog.application.ListingRequests;
import coop.mutua.catalog.application.ListingSuppliers;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.api.VatRegime;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.Luhn;
import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.ProjectionCatchUp;
import coop.mutua.kernel.Quantity;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.RoundId;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.UnitPrice;
import coop.mutua.kernel.UserId;
import coop.mutua.kernel.VatNumber;
import coop.mutua.kernel.VatRate;
import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.CancelPurchaseRoundCommand;
import coop.mutua.ordering.api.ClosePurchaseRoundCommand;
import coop.mutua.ordering.api.ClosingTrigger;
import coop.mutua.ordering.api.ConfirmSupplierOrderCommand;
import coop.mutua.ordering.api.CreatePurchaseRoundCommand;
import coop.mutua.ordering.api.DecideBelowMinimumCommand;
import coop.mutua.ordering.api.FeeSplitPolicy;
import coop.mutua.ordering.api.FindPurchaseRoundQuery;
import coop.mutua.ordering.api.FindSupplierOrdersQuery;
import coop.mutua.ordering.api.MemberOrderIds;
import coop.mutua.ordering.api.OfferedProduct;
import coop.mutua.ordering.api.OpenPurchaseRoundCommand;
import coop.mutua.ordering.api.OrderLine;
import coop.mutua.ordering.api.OrderingReadModels;
import coop.mutua.ordering.api.PurchaseRoundSummary;
import coop.mutua.ordering.api.RecordReceptionCommand;
import coop.mutua.ordering.api.SetRoundTermsCommand;
import coop.mutua.ordering.api.SubmitMemberOrderCommand;
import coop.mutua.ordering.api.SupplierOrderStatus;
import coop.mutua.ordering.api.SupplierOrderView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a Gironde ESS purchasing network (a dozen members, six suppliers, a realistic catalog) and a small
 * Basque one next to it, so that tenant isolation can be seen. Seeded through the same commands as real use, once:
 * a second start finds the demo coordinator and only prints the logins again.
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "mutua.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The fixed demo logins: username, role, whom they act for. */
    public record DemoLogin(String username, String role, String actsFor) {
    }

    public static final String GIRONDE_COORDINATOR = "coord-gironde";
    public static final String GIRONDE_MEMBER_EPICERIE = "epicerie-bastide";
    public static final String GIRONDE_MEMBER_CUISINES = "cuisines-begles";
    public static final String GIRONDE_SUPPLIER = "gaec-entre-deux-mers";
    public static final String BASQUE_COORDINATOR = "coord-pays-basque";
    public static final String OPERATOR = "operateur";
    /** A disabled account and a pending invitation, so that the people pages show every state. */
    public static final String GIRONDE_DISABLED = "ancien-benevole";
    public static final String PENDING_INVITATION_EMAIL = "nadia.roussel@epicerie-labastide.example";

    public static final GroupementId GIRONDE = GroupementId.of(id("groupement/gironde"));
    public static final GroupementId PAYS_BASQUE = GroupementId.of(id("groupement/pays-basque"));

    private final CommandGateway commands;
    private final Accounts accounts;
    private final Invitations invitations;
    private final People people;
    private final Clock clock;
    private final String password;
    private final MatchingSupplierInvoices supplierInvoices;
    private final InvoicingMembers invoicing;
    private final SettlingMemberInvoices memberInvoices;
    private final ProjectionCatchUp catchUp;
    private final QueryGateway queries;
    private final ListingSuppliers listings;
    private final ListingRequests listingRequests;
    private final Map<SupplierId, GroupementId> groupementOfSupplier = new HashMap<>();
    private final Map<SupplierId, List<OfferedProduct>> catalogOf = new HashMap<>();

    DemoData(CommandGateway commands, Accounts accounts, Invitations invitations, People people, Clock clock, @Value("${mutua.demo.password}") String password,
             MatchingSupplierInvoices supplierInvoices, InvoicingMembers invoicing,
             SettlingMemberInvoices memberInvoices, ProjectionCatchUp catchUp, QueryGateway queries, ListingSuppliers listings,
             ListingRequests listingRequests) {
        this.queries = queries;
        this.listings = listings;
        this.listingRequests = listingRequests;
        this.supplierInvoices = supplierInvoices;
        this.invoicing = invoicing;
        this.memberInvoices = memberInvoices;
        this.catchUp = catchUp;
        this.commands = commands;
        this.accounts = accounts;
        this.invitations = invitations;
        this.people = people;
        this.clock = clock;
        this.password = password;
    }

    public static List<DemoLogin> logins() {
        return List.of(
                new DemoLogin(GIRONDE_COORDINATOR, "COORDINATOR", "Achats Solidaires Gironde"),
                new DemoLogin(GIRONDE_MEMBER_EPICERIE, "MEMBER", "Épicerie solidaire La Bastide"),
                new DemoLogin(GIRONDE_MEMBER_CUISINES, "MEMBER", "SCIC Cuisines Partagées de Bègles"),
                new DemoLogin(GIRONDE_SUPPLIER, "SUPPLIER", "GAEC Terres de l'Entre-deux-Mers"),
                new DemoLogin(BASQUE_COORDINATOR, "COORDINATOR", "Achats Partagés Pays Basque"),
                new DemoLogin(OPERATOR, "OPERATOR", "the platform (registers groupements, sees none of their data)"));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.exists(GIRONDE_COORDINATOR)) {
            log.info("Demo data already present");
        } else {
            seedGironde();
            seedPaysBasque();
            seedNetwork();
            log.info("Demo data seeded");
        }
        StringBuilder banner = new StringBuilder("\n\n  Mutua demo: log in with password '").append(password).append("' as\n");
        logins().forEach(login -> banner.append(String.format("    %-22s %-12s %s%n", login.username(), login.role(), login.actsFor())));
        log.info(banner.toString());
    }

    private void seedGironde() {
        commands.sendAndWait(new RegisterGroupementCommand(GIRONDE, "Achats Solidaires Gironde", siret("8141520770001"),
                VatNumber.forSiren("814152077").value(), VatRegime.REGISTERED,
                new Address("12 quai de Brazza", "33100", "Bordeaux", "FR"), new GeoPoint(44.8487, -0.5546),
                "coordination@achats-solidaires-gironde.fr"));

        MemberId epicerie = member(GIRONDE, "epicerie", "Épicerie solidaire La Bastide", "7983341270001", false, EssFamily.ASSOCIATION,
                new Address("25 avenue Thiers", "33100", "Bordeaux", "FR"), "contact@epicerie-labastide.fr");
        MemberId cuisines = member(GIRONDE, "cuisines", "SCIC Cuisines Partagées de Bègles", "8523019840001", true, EssFamily.SCIC,
                new Address("3 rue Calixte Camelle", "33130", "Bègles", "FR"), "commandes@cuisines-partagees.coop");
        member(GIRONDE, "ateliers-bois", "SCOP Les Ateliers du Bois", "4403982110001", true, EssFamily.SCOP,
                new Address("14 rue de la Seiglière", "33800", "Bordeaux", "FR"), "achats@ateliersdubois.coop");
        member(GIRONDE, "jardins-garonne", "Chantier d'insertion Jardins de Garonne", "5120874450001", false, EssFamily.SIAE,
                new Address("Chemin de Labarde", "33290", "Blanquefort", "FR"), "encadrement@jardinsdegaronne.org");
        member(GIRONDE, "recyclerie", "Recyclerie Créative du Médoc (EI)", "8890342170001", true, EssFamily.SIAE,
                new Address("8 route de Soulac", "33250", "Pauillac", "FR"), "bonjour@recyclerie-medoc.fr");
        member(GIRONDE, "centre-social", "Centre social et culturel Saint-Michel", "3921875400001", false, EssFamily.ASSOCIATION,
                new Address("2 rue Camille Sauvageau", "33800", "Bordeaux", "FR"), "accueil@cs-saintmichel.org");
        member(GIRONDE, "creche", "Crèche parentale Les Petits Pas", "4876231090001", false, EssFamily.ASSOCIATION,
                new Address("41 rue de Bègles", "33800", "Bordeaux", "FR"), "bureau@lespetitspas33.fr");
        member(GIRONDE, "regie-bacalan", "Régie de quartier Bacalan", "3489920150001", false, EssFamily.SIAE,
                new Address("120 rue Achard", "33300", "Bordeaux", "FR"), "regie@bacalan.org");
        member(GIRONDE, "table-brazza", "Restaurant associatif La Table de Brazza", "8012236540001", true, EssFamily.ASSOCIATION,
                new Address("5 quai de Brazza", "33100", "Bordeaux", "FR"), "cuisine@tabledebrazza.fr");
        member(GIRONDE, "imprimerie", "SCOP Imprimerie Solidaire Aquitaine", "3327810980001", true, EssFamily.SCOP,
                new Address("9 rue Jean Perrin", "33700", "Mérignac", "FR"), "compta@imprimerie-solidaire.coop");
        member(GIRONDE, "mutuelle", "Mutuelle Solidarité Gironde", "7759012340001", true, EssFamily.MUTUAL,
                new Address("30 cours de la Marne", "33000", "Bordeaux", "FR"), "services.generaux@msg33.fr");
        member(GIRONDE, "fondation", "Fondation Habitat et Partage", "5034471220001", false, EssFamily.FOUNDATION,
                new Address("17 rue Fondaudège", "33000", "Bordeaux", "FR"), "logistique@habitat-partage.org");

        SupplierId gaec = supplier(GIRONDE, "gaec", "GAEC Terres de l'Entre-deux-Mers", "4512378900001", null,
                Set.of(SupplierLabel.ORGANIC_AB), new Address("Lieu-dit Le Bourg", "33760", "Targon", "FR"), new GeoPoint(44.7353, -0.2652),
                "commandes@terres-e2m.fr", "150.00", "400.00", "25.00",
                "Maraîchage et fruits bio, récoltés la veille de la livraison.");
        product(gaec, "GAEC-CAR-10", "Carottes des sables", "Légumes", SaleUnit.KG, "1", "10", "0", "1.90", VatRate.REDUCED,
                List.of(tier("50", "1.75"), tier("100", "1.60")), "Gironde", true);
        product(gaec, "GAEC-POM-12", "Pommes Chantecler", "Fruits", SaleUnit.KG, "1", "12", "0", "2.60", VatRate.REDUCED,
                List.of(tier("60", "2.40"), tier("120", "2.20")), "Gironde", true);
        product(gaec, "GAEC-PDT-25", "Pommes de terre Agata", "Légumes", SaleUnit.KG, "5", "25", "0", "1.30", VatRate.REDUCED,
                List.of(tier("100", "1.15")), "Gironde", true);
        product(gaec, "GAEC-OEU-30", "Œufs plein air (plateau de 30)", "Épicerie fraîche", SaleUnit.PACK, "1", "6", "0", "9.80",
                VatRate.REDUCED, List.of(), "Gironde", true);
        product(gaec, "GAEC-JUS-1L", "Jus de pomme pétillant 1 L", "Boissons", SaleUnit.PIECE, "1", "6", "0", "3.40",
                VatRate.REDUCED, List.of(tier("36", "3.10")), "Gironde", true);

        SupplierId esat = supplier(GIRONDE, "esat", "ESAT Les Jardins de Cadaujac", "7820461530001", EssFamily.EA_ESAT,
                Set.of(SupplierLabel.EA_ESAT, SupplierLabel.ORGANIC_AB), new Address("Route de Léognan", "33140", "Cadaujac", "FR"),
                new GeoPoint(44.7549, -0.5336), "atelier.conserverie@esat-cadaujac.fr", "80.00", "250.00", "15.00",
                "Conserverie et légumerie : soupes, compotes et légumes épluchés, par des travailleurs en situation de handicap.");
        product(esat, "ESAT-SOU-75", "Soupe de potimarron 75 cl", "Conserves", SaleUnit.PIECE, "1", "6", "0", "4.20", VatRate.REDUCED,
                List.of(tier("48", "3.90")), "Gironde", true);
        product(esat, "ESAT-COM-4", "Compote pomme-poire 4/4", "Conserves", SaleUnit.PIECE, "1", "12", "12", "5.10", VatRate.REDUCED,
                List.of(tier("48", "4.70"), tier("96", "4.40")), "Gironde", true);
        product(esat, "ESAT-LEG-5", "Légumes épluchés sous vide (5 kg)", "Légumerie", SaleUnit.PACK, "1", "4", "0", "14.50",
                VatRate.REDUCED, List.of(), "Gironde", false);
        // Not food: plants are at the intermediate rate (10 %).
        product(esat, "ESAT-PLA-12", "Plants de légumes bio (barquette de 12)", "Jardinerie", SaleUnit.PACK, "1", "6", "0", "6.80",
                VatRate.INTERMEDIATE, List.of(tier("24", "6.20")), "Gironde", true);

        SupplierId equiterre = supplier(GIRONDE, "equiterre", "Équi'Terre Import SCOP", "5398127640001", EssFamily.SCOP,
                Set.of(SupplierLabel.FAIR_TRADE, SupplierLabel.ORGANIC_AB, SupplierLabel.ESUS),
                new Address("Zone artisanale du Bouscat", "32500", "Fleurance", "FR"), new GeoPoint(43.8486, 0.6628),
                "pro@equiterre-import.coop", "300.00", "600.00", "35.00",
                "Importateur coopératif de produits équitables : café, thé, sucre, riz, chocolat.");
        product(equiterre, "EQT-CAF-1K", "Café Pérou en grains 1 kg", "Épicerie", SaleUnit.PIECE, "1", "6", "0", "16.90", VatRate.REDUCED,
                List.of(tier("24", "15.80"), tier("60", "14.90")), "Pérou", true);
        product(equiterre, "EQT-SUC-1K", "Sucre de canne complet 1 kg", "Épicerie", SaleUnit.PIECE, "1", "10", "0", "3.95", VatRate.REDUCED,
                List.of(tier("50", "3.60")), "Paraguay", true);
        product(equiterre, "EQT-RIZ-5K", "Riz thaï demi-complet 5 kg", "Épicerie", SaleUnit.PIECE, "1", "4", "0", "17.40", VatRate.REDUCED,
                List.of(tier("20", "16.20")), "Thaïlande", true);
        product(equiterre, "EQT-THE-100", "Thé noir Darjeeling vrac 100 g", "Épicerie", SaleUnit.PIECE, "1", "10", "0", "5.60",
                VatRate.REDUCED, List.of(), "Inde", true);

        SupplierId laiterie = supplier(GIRONDE, "laiterie", "Coopérative Laitière des Landes de Gascogne", "3975520180001",
                EssFamily.COOPERATIVE, Set.of(), new Address("Route de Mont-de-Marsan", "40410", "Pissos", "FR"),
                new GeoPoint(44.3083, -0.7790), "livraisons@laiterie-landes.coop", "120.00", "300.00", "20.00",
                "Coopérative de 38 éleveurs : lait, yaourts, beurre, tommes.");
        product(laiterie, "CLL-LAI-1L", "Lait entier microfiltré 1 L", "Crèmerie", SaleUnit.PIECE, "1", "6", "0", "1.35", VatRate.REDUCED,
                List.of(tier("60", "1.22")), "Landes", false);
        product(laiterie, "CLL-YAO-12", "Yaourts nature (pack de 12)", "Crèmerie", SaleUnit.PACK, "1", "4", "0", "5.90", VatRate.REDUCED,
                List.of(tier("24", "5.40")), "Landes", false);
        product(laiterie, "CLL-TOM-KG", "Tomme des Landes (à la coupe)", "Crèmerie", SaleUnit.KG, "0.5", "2", "0", "16.80", VatRate.REDUCED,
                List.of(tier("10", "15.50")), "Landes", false);

        SupplierId moulin = supplier(GIRONDE, "moulin", "Moulin de la Dordogne", "4217789010001", null, Set.of(SupplierLabel.ORGANIC_AB),
                new Address("Le Moulin", "24100", "Creysse", "FR"), new GeoPoint(44.8572, 0.5636), "moulin@moulin-dordogne.fr",
                "100.00", "350.00", "30.00", "Farines et légumineuses bio moulues sur meule de pierre.");
        product(moulin, "MDD-FAR-T80", "Farine de blé T80 bio 25 kg", "Épicerie", SaleUnit.PIECE, "1", "1", "0", "34.50", VatRate.REDUCED,
                List.of(tier("10", "31.90")), "Dordogne", true);
        product(moulin, "MDD-LEN-5K", "Lentilles vertes bio 5 kg", "Épicerie", SaleUnit.PIECE, "1", "4", "0", "22.80", VatRate.REDUCED,
                List.of(tier("16", "21.00")), "Dordogne", true);

        SupplierId savonnerie = supplier(GIRONDE, "savonnerie", "Bulles d'Avenir, savonnerie d'insertion", "8346120570001", EssFamily.SIAE,
                Set.of(SupplierLabel.IAE, SupplierLabel.ESUS), new Address("11 rue des Métiers", "33310", "Lormont", "FR"),
                new GeoPoint(44.8792, -0.5217), "contact@bulles-avenir.fr", "60.00", "200.00", "12.00",
                "Entreprise d'insertion : savons et produits d'entretien écologiques.");
        product(savonnerie, "BDA-SAV-NOIR-5L", "Savon noir liquide 5 L", "Entretien", SaleUnit.PIECE, "1", "4", "0", "18.50",
                VatRate.STANDARD, List.of(tier("12", "16.90")), "Gironde", false);
        product(savonnerie, "BDA-LIN-5L", "Lessive au savon de Marseille 5 L", "Entretien", SaleUnit.PIECE, "1", "4", "0", "21.00",
                VatRate.STANDARD, List.of(tier("12", "19.50")), "Gironde", false);
        product(savonnerie, "BDA-VAI-1L", "Liquide vaisselle 1 L", "Entretien", SaleUnit.PIECE, "1", "12", "0", "3.20",
                VatRate.STANDARD, List.of(tier("48", "2.90")), "Gironde", false);

        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        RoundId december = round(GIRONDE, "gironde/decembre", "Commande groupée de décembre", today.plusDays(10),
                today.plusDays(14), "Entrepôt solidaire, 12 quai de Brazza, Bordeaux");
        openWithOrders(december, List.of(gaec, esat, laiterie, savonnerie), List.of(epicerie, cuisines,
                MemberId.of(id("member/table-brazza")), MemberId.of(id("member/centre-social")), MemberId.of(id("member/creche"))));
        round(GIRONDE, "gironde/epicerie-janvier", "Épicerie sèche équitable – janvier", today.plusDays(30), today.plusDays(37),
                "Centre social Saint-Michel, Bordeaux");
        // A round opened, then cancelled by the coordinator: its members' orders are not passed, the reason stays shown.
        RoundId cancelled = round(GIRONDE, "gironde/noel", "Chocolats équitables de Noël", today.plusDays(6), today.plusDays(9),
                "Centre social Saint-Michel, Bordeaux");
        openWithOrders(cancelled, List.of(equiterre), List.of(epicerie, MemberId.of(id("member/centre-social"))));
        commands.sendAndWait(new CancelPurchaseRoundCommand(cancelled, GIRONDE,
                "Le fournisseur ne peut pas livrer avant Noël cette année : la commande repart en janvier."));
        // A round already closed by the coordinator: its pooling job writes the supplier orders (one below its minimum).
        RoundId november = round(GIRONDE, "gironde/novembre", "Commande groupée de novembre", today.plusDays(1),
                today.plusDays(3), "Entrepôt solidaire, 12 quai de Brazza, Bordeaux");
        openWithOrders(november, List.of(gaec, esat, savonnerie), List.of(MemberId.of(id("member/jardins-garonne")),
                MemberId.of(id("member/regie-bacalan"))));
        commands.sendAndWait(new ClosePurchaseRoundCommand(november, GIRONDE, ClosingTrigger.COORDINATOR));
        settle(november);
        // A round delivered and invoiced: supplier invoices (one with a price difference, accepted), member invoices
        // issued, one paid, one cancelled by a credit note.
        RoundId autumn = round(GIRONDE, "gironde/automne", "Commande groupée d'automne", today.plusDays(1), today.plusDays(2),
                "Entrepôt solidaire, 12 quai de Brazza, Bordeaux");
        openWithOrders(autumn, List.of(gaec, laiterie), List.of(epicerie, cuisines, MemberId.of(id("member/table-brazza")),
                MemberId.of(id("member/centre-social")), MemberId.of(id("member/creche"))));
        commands.sendAndWait(new ClosePurchaseRoundCommand(autumn, GIRONDE, ClosingTrigger.COORDINATOR));
        invoice(autumn, false);
        // A round whose every supplier order arrived: the one to invoice next.
        RoundId october = round(GIRONDE, "gironde/octobre", "Commande groupée d'octobre", today.plusDays(1), today.plusDays(2),
                "Entrepôt solidaire, 12 quai de Brazza, Bordeaux");
        openWithOrders(october, List.of(esat, savonnerie), List.of(epicerie, MemberId.of(id("member/centre-social")),
                MemberId.of(id("member/regie-bacalan"))));
        commands.sendAndWait(new ClosePurchaseRoundCommand(october, GIRONDE, ClosingTrigger.COORDINATOR));
        receiveAll(october);
        // A round invoiced and every invoice paid: settled.
        RoundId summer = round(GIRONDE, "gironde/ete", "Commande groupée d'été", today.plusDays(1), today.plusDays(2),
                "Entrepôt solidaire, 12 quai de Brazza, Bordeaux");
        openWithOrders(summer, List.of(gaec, esat), List.of(cuisines, MemberId.of(id("member/creche")),
                MemberId.of(id("member/jardins-garonne"))));
        commands.sendAndWait(new ClosePurchaseRoundCommand(summer, GIRONDE, ClosingTrigger.COORDINATOR));
        invoice(summer, true);

        UserId coordinator = accounts.create(GIRONDE_COORDINATOR, password, "Claire Dubos (coordination)", Role.COORDINATOR, GIRONDE, null, null);
        accounts.setEmail(coordinator, "claire.dubos@achats-solidaires-gironde.example");
        accounts.setEmail(accounts.create(GIRONDE_MEMBER_EPICERIE, password, "Karim Benali (Épicerie La Bastide)", Role.MEMBER, GIRONDE,
                epicerie, null), "karim.benali@epicerie-labastide.example");
        accounts.setEmail(accounts.create(GIRONDE_MEMBER_CUISINES, password, "Sophie Laffargue (Cuisines Partagées)", Role.MEMBER,
                GIRONDE, cuisines, null), "sophie.laffargue@cuisines-begles.example");
        accounts.setEmail(accounts.create(GIRONDE_SUPPLIER, password, "Jean-Marc Dupuy (GAEC)", Role.SUPPLIER, GIRONDE, null, gaec),
                "jm.dupuy@gaec-entre-deux-mers.example");
        // Every state of an account on the people pages: a pending invitation and a disabled account.
        Account claire = accounts.findById(coordinator).orElseThrow();
        invitations.invite(GIRONDE, new Invitations.Invitee("Nadia Roussel", PENDING_INVITATION_EMAIL, Role.MEMBER, epicerie, null,
                Locale.FRENCH), claire, "demo");
        UserId former = accounts.create(GIRONDE_DISABLED, password, "Paul Garat (ancien bénévole)", Role.MEMBER, GIRONDE, cuisines, null);
        accounts.setEmail(former, "paul.garat@cuisines-begles.example");
        people.disable(GIRONDE, former, claire, "demo");
    }

    private void seedPaysBasque() {
        commands.sendAndWait(new RegisterGroupementCommand(PAYS_BASQUE, "Achats Partagés Pays Basque", siret("8317745920001"),
                null, VatRegime.FRANCHISE_293B, new Address("6 rue des Cordeliers", "64100", "Bayonne", "FR"),
                new GeoPoint(43.4929, -1.4748), "kontaktua@achats-partages-pb.eus"));
        member(PAYS_BASQUE, "ikastola", "Association Ikastola Baiona", "4420178830001", false, EssFamily.ASSOCIATION,
                new Address("12 allée de Glain", "64100", "Bayonne", "FR"), "idazkaritza@ikastola-baiona.eus");
        member(PAYS_BASQUE, "scic-herrikoa", "SCIC Herri Sukaldea", "8845510260001", true, EssFamily.SCIC,
                new Address("3 place Paul Bert", "64100", "Bayonne", "FR"), "sukaldea@herri-sukaldea.coop");
        SupplierId ferme = supplier(PAYS_BASQUE, "ferme-basque", "Ferme Etxeberria", "5178893310001", null, Set.of(SupplierLabel.ORGANIC_AB),
                new Address("Quartier Urcuray", "64240", "Hasparren", "FR"), new GeoPoint(43.3842, -1.3050), "etxeberria@ferme-bio.eus",
                "80.00", "250.00", "15.00", "Fromages de brebis et piment d'Espelette.");
        product(ferme, "ETX-OSS-KG", "Ossau-Iraty fermier", "Crèmerie", SaleUnit.KG, "0.5", "2", "0", "24.00", VatRate.REDUCED,
                List.of(tier("10", "22.50")), "Pays basque", true);
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        round(PAYS_BASQUE, "pays-basque/fetes", "Fromages pour les fêtes", today.plusDays(12), today.plusDays(15),
                "Ikastola Baiona, Bayonne");
        accounts.setEmail(accounts.create(BASQUE_COORDINATOR, password, "Maialen Etcheverry (coordination)", Role.COORDINATOR,
                PAYS_BASQUE, null, null), "maialen@achats-partages-pb.example");
        if (!accounts.operatorExists()) {
            accounts.createOperator(OPERATOR, password, "Exploitation Mutua");
        }
    }

    /**
     * The network directory (ADR 22): the groupements' suppliers listed in several sectors, with their certificates, a
     * few structures outside food, and a request to be listed waiting for the Gironde's coordinator.
     */
    private void seedNetwork() {
        LocalDate today = LocalDate.now(clock.withZone(PARIS));
        LocalDate nextAutumn = today.plusMonths(10);
        list(SupplierId.of(id("supplier/gaec")), Sector.ALIMENTATION, List.of("Légumes", "Fruits", "Œufs", "Jus de pomme"), "Targon (33)",
                Set.of("33"), 60, List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-01 n° 33-4512", nextAutumn)), "05 56 23 00 00",
                null);
        list(SupplierId.of(id("supplier/esat")), Sector.ALIMENTATION, List.of("Conserves", "Soupes", "Légumerie", "Plants"),
                "Cadaujac (33)", Set.of("33", "24", "47"), null, List.of(new LabelClaim(SupplierLabel.EA_ESAT, "ESAT-FINESS 330795117", nextAutumn),
                        new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-10 n° 33-7820", nextAutumn)), "05 56 30 00 00", "https://esat-cadaujac.example");
        list(SupplierId.of(id("supplier/equiterre")), Sector.ALIMENTATION, List.of("Café", "Thé", "Sucre", "Riz", "Chocolat"),
                "Fleurance (32)", Set.of("31", "32", "33", "40", "47", "64", "65"), null,
                List.of(new LabelClaim(SupplierLabel.FAIR_TRADE, "SPP 2026-0412", nextAutumn),
                        new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-01 n° 32-5398", nextAutumn),
                        new LabelClaim(SupplierLabel.ESUS, "ESUS-32-2025-018", today.plusYears(3))), null, "https://equiterre-import.example");
        list(SupplierId.of(id("supplier/laiterie")), Sector.ALIMENTATION, List.of("Lait", "Yaourts", "Beurre", "Fromages"), "Pissos (40)",
                Set.of("33", "40"), null, List.of(), "05 58 00 00 00", null);
        list(SupplierId.of(id("supplier/ferme-basque")), Sector.ALIMENTATION, List.of("Fromages de brebis", "Piment d'Espelette"),
                "Hasparren (64)", Set.of("64", "40"), null, List.of(new LabelClaim(SupplierLabel.ORGANIC_AB, "FR-BIO-16 n° 64-5178", nextAutumn)),
                null, null);
        listNew(GIRONDE, "proprete", "Net'Éthique Propreté", "8237719050001", EssFamily.SIAE, Sector.ENTRETIEN_HYGIENE,
                List.of("Nettoyage de locaux", "Produits écolabellisés"), new Address("7 avenue de l'Argonne", "33700", "Mérignac", "FR"),
                "Mérignac (33)", new GeoPoint(44.8386, -0.6436), Set.of("33"), 40,
                List.of(new LabelClaim(SupplierLabel.IAE, "EI-33-2024-061", nextAutumn)),
                "Entreprise d'insertion : entretien de locaux associatifs avec des produits écolabellisés.");
        listNew(GIRONDE, "couture", "Atelier Couture Solidaire de la Bastide", "4128803660001", EssFamily.ASSOCIATION, Sector.TEXTILE,
                List.of("Tabliers", "Nappes", "Sacs en tissu", "Retouches"), new Address("18 rue de la Benauge", "33100", "Bordeaux", "FR"),
                "Bordeaux (33)", new GeoPoint(44.8446, -0.5557), Set.of("33"), null,
                List.of(new LabelClaim(SupplierLabel.IAE, "ACI-33-2025-014", nextAutumn)),
                "Atelier chantier d'insertion : linge de cuisine et sacs cousus dans des tissus de réemploi.");
        listNew(GIRONDE, "bati-recup", "Bâti Récup' SCIC", "5093317820001", EssFamily.SCIC, Sector.BTP,
                List.of("Petits travaux", "Réemploi de matériaux", "Aménagement de locaux"), new Address("45 rue Marcel Sembat", "33130", "Bègles", "FR"),
                "Bègles (33)", new GeoPoint(44.8076, -0.5514), Set.of("33", "24"), null,
                List.of(new LabelClaim(SupplierLabel.ESUS, "ESUS-33-2025-102", today.plusYears(4))),
                "Coopérative du bâtiment : travaux d'aménagement avec des matériaux de réemploi.");
        listNew(GIRONDE, "jardins-graves", "Jardins des Graves (ACI)", "7741230960001", EssFamily.SIAE, Sector.ESPACES_VERTS,
                List.of("Entretien d'espaces verts", "Potagers partagés"), new Address("Chemin de Couhins", "33140", "Villenave-d'Ornon", "FR"),
                "Villenave-d'Ornon (33)", new GeoPoint(44.7806, -0.5661), Set.of(), 30,
                List.of(new LabelClaim(SupplierLabel.IAE, "ACI-33-2024-077", nextAutumn)),
                "Chantier d'insertion : entretien écologique d'espaces verts et création de potagers.");
        listNew(GIRONDE, "velo-fret", "Vélo Fret Bordeaux SCOP", "8456021370001", EssFamily.SCOP, Sector.MOBILITE,
                List.of("Livraison à vélo cargo", "Logistique du dernier kilomètre"), new Address("3 rue Lucien Faure", "33300", "Bordeaux", "FR"),
                "Bordeaux (33)", new GeoPoint(44.8650, -0.5530), Set.of(), 15, List.of(),
                "Coopérative de livreurs à vélo cargo : tournées des commandes groupées dans la métropole.");
        listNew(GIRONDE, "reboot", "Reboot Informatique Solidaire", "3810562470001", EssFamily.EA_ESAT, Sector.NUMERIQUE,
                List.of("Ordinateurs reconditionnés", "Maintenance informatique"), new Address("12 avenue Jean Jaurès", "33600", "Pessac", "FR"),
                "Pessac (33)", new GeoPoint(44.8067, -0.6311), Set.of("33", "40", "24", "47"), null,
                List.of(new LabelClaim(SupplierLabel.EA_ESAT, "EA-33-0093", nextAutumn)),
                "Entreprise adaptée : ordinateurs reconditionnés et garantis, maintenance pour les associations.");
        listNew(PAYS_BASQUE, "bulego", "Bulego Fournitures Éthiques", "5602289140001", EssFamily.ESUS_COMPANY, Sector.FOURNITURES,
                List.of("Papeterie recyclée", "Fournitures de bureau"), new Address("22 rue Bourgneuf", "64100", "Bayonne", "FR"),
                "Bayonne (64)", new GeoPoint(43.4907, -1.4747), Set.of("64", "40"), null,
                List.of(new LabelClaim(SupplierLabel.ESUS, "ESUS-64-2024-033", today.plusYears(2))),
                "Fournitures de bureau recyclées et papeterie fabriquée en Nouvelle-Aquitaine.");
        // Two member structures follow responsible-purchasing goals (their invoices above give them figures).
        commands.sendAndWait(new SetMemberGoalsCommand(MemberId.of(id("member/epicerie")), GIRONDE, 40, 25, 60));
        commands.sendAndWait(new SetMemberGoalsCommand(MemberId.of(id("member/cuisines")), GIRONDE, 50, 30, 70));
        listingRequests.submit(GIRONDE, new ListingRequestDetails("Savonnerie du Libournais", siret("9023415670001"), EssFamily.ESUS_COMPANY,
                List.of(new LabelClaim(SupplierLabel.ESUS, "ESUS-33-2025-147", today.plusYears(3))), Sector.ENTRETIEN_HYGIENE,
                List.of("Savons", "Lessives", "Produits ménagers"), "5 rue Gambetta", "33500", "Libourne", null, Set.of("33", "24"), null,
                Money.parse("60.00"), "Léa Martin", "lea.martin@savonnerie-libournais.example", "05 57 00 00 00", null,
                "Savons saponifiés à froid et lessives, fabriqués à Libourne par une entreprise solidaire."), "demo", Locale.FRENCH);
    }

    /** Lists one of the demo's suppliers in the network directory, as its coordinator would from its page. */
    private void list(SupplierId supplierId, Sector sector, List<String> categories, String commune, Set<String> departments,
                      Integer radius, List<LabelClaim> labels, String phone, String website) {
        GroupementId groupement = groupementOfSupplier.get(supplierId);
        catchUp.await("catalog-directory", supplierId);
        SupplierSummary supplier = queries.query(new FindSupplierQuery(groupement, supplierId),
                ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join().orElseThrow();
        // A public contact of its own, not the address the groupement's orders go to.
        String publicContact = "contact@" + supplier.orderEmail().substring(supplier.orderEmail().indexOf('@') + 1);
        listings.list(groupement, supplier, new ListingDraft(sector, categories, commune, departments, radius, labels,
                publicContact, phone, website, supplier.description()));
    }

    /** A supplier of a sector other than food: registered (no products: it is in the directory for what it offers), then listed. */
    private void listNew(GroupementId groupement, String key, String name, String siretBody, EssFamily family, Sector sector,
                         List<String> categories, Address address, String commune, GeoPoint location, Set<String> departments,
                         Integer radius, List<LabelClaim> labels, String description) {
        Set<SupplierLabel> supplierLabels = EnumSet.noneOf(SupplierLabel.class);
        labels.forEach(claim -> supplierLabels.add(claim.label()));
        SupplierId id = supplier(groupement, key, name, siretBody, family, supplierLabels, address, location,
                "commandes@" + key + ".example", "0.00", "0.00", "0.00", description);
        list(id, sector, categories, commune, departments, radius, labels, null, null);
    }

    private MemberId member(GroupementId groupement, String key, String name, String siretBody, boolean vatRegistered,
                            EssFamily family, Address address, String email) {
        MemberId id = MemberId.of(id("member/" + key));
        String siret = siret(siretBody);
        commands.sendAndWait(new RegisterMemberCommand(id, groupement, name, siret,
                vatRegistered ? VatNumber.forSiren(siret.substring(0, 9)).value() : null, family, address, address, email));
        return id;
    }

    private SupplierId supplier(GroupementId groupement, String key, String name, String siretBody, EssFamily family,
                                Set<SupplierLabel> labels, Address address, GeoPoint location, String email, String minimum,
                                String freeShipping, String fee, String description) {
        SupplierId id = SupplierId.of(id("supplier/" + key));
        groupementOfSupplier.put(id, groupement);
        String siret = siret(siretBody);
        commands.sendAndWait(new RegisterSupplierCommand(id, groupement, new SupplierDetails(name, siret, VatNumber.forSiren(siret.substring(0, 9)).value(), family, labels, address, location, email,
                new OrderingTerms(Money.parse(minimum), Money.parse(freeShipping), Money.parse(fee)), description)));
        return id;
    }

    private void product(SupplierId supplier, String reference, String name, String category, SaleUnit unit, String step,
                         String caseSize, String moq, String price, VatRate vat, List<PriceTier> tiers, String origin,
                         boolean organic) {
        GroupementId groupement = groupementOfSupplier.get(supplier);
        Set<ProductLabel> labels = EnumSet.noneOf(ProductLabel.class);
        if (organic) {
            labels.add(ProductLabel.ORGANIC_AB);
        }
        if (reference.startsWith("EQT-")) {
            labels.add(ProductLabel.FAIR_TRADE);
        }
        ProductDetails details = new ProductDetails(name, category, unit, Quantity.of(step), Quantity.of(caseSize), Quantity.of(moq),
                vat, labels, origin);
        ProductPrice productPrice = new ProductPrice(UnitPrice.of(price), new ArrayList<>(tiers));
        commands.sendAndWait(new AddProductCommand(ProductIds.of(supplier, reference), groupement, supplier, reference,
                details, productPrice));
        catalogOf.computeIfAbsent(supplier, key -> new ArrayList<>())
                .add(new OfferedProduct(ProductIds.of(supplier, reference), supplier, reference, details, productPrice));
    }

    private RoundId round(GroupementId groupement, String key, String title, LocalDate closingDay, LocalDate deliveryDay,
                          String place) {
        RoundId roundId = RoundId.of(id("round/" + key));
        commands.sendAndWait(new CreatePurchaseRoundCommand(roundId, groupement, title,
                ZonedDateTime.of(closingDay, LocalTime.of(18, 0), PARIS).toInstant(), deliveryDay, place));
        return roundId;
    }

    /**
     * Opens the round on these suppliers' products and has several members order, so that a newcomer sees the pool
     * at work: some cases full, some started, tiers reached or within reach. Quantities are fixed, not random.
     */
    private void openWithOrders(RoundId roundId, List<SupplierId> suppliers, List<MemberId> members) {
        // The pooling reads each supplier's minimum and fees in the directory, projected behind the commands.
        suppliers.forEach(this::awaitInDirectory);
        commands.sendAndWait(new SetRoundTermsCommand(roundId, GIRONDE, Set.copyOf(suppliers), AllocationPolicy.PRO_RATA,
                FeeSplitPolicy.BY_VALUE, new BigDecimal("2")));
        List<OfferedProduct> offer = suppliers.stream().flatMap(supplier -> catalogOf.get(supplier).stream()).toList();
        commands.sendAndWait(new OpenPurchaseRoundCommand(roundId, GIRONDE, offer));
        Map<ProductId, Quantity> steps = new HashMap<>();
        offer.forEach(product -> steps.put(product.productId(), product.details().step()));
        for (int m = 0; m < members.size(); m++) {
            List<OrderLine> lines = new ArrayList<>();
            for (int p = 0; p < offer.size(); p++) {
                if ((p + m) % 3 == 0) {
                    continue;
                }
                OfferedProduct product = offer.get(p);
                BigDecimal step = product.details().step().value();
                BigDecimal asked = step.multiply(BigDecimal.valueOf(1 + (p * 7 + m * 3) % 9));
                BigDecimal tolerance = (p + m) % 2 == 0 ? step.multiply(BigDecimal.valueOf(2)) : BigDecimal.ZERO;
                BigDecimal minimum = product.details().minimumOrderQuantity().value();
                if (asked.compareTo(minimum) < 0) {
                    asked = minimum;
                }
                lines.add(new OrderLine(product.productId(), new Quantity(asked), new Quantity(tolerance)));
            }
            commands.sendAndWait(new SubmitMemberOrderCommand(MemberOrderIds.of(roundId, members.get(m)), GIRONDE, roundId,
                    members.get(m), lines, steps));
        }
    }

    /**
     * Once the November round is pooled (its job runs on a thread of its own; a minute at most): the first supplier
     * order that stands is confirmed by its supplier, the second confirmed and received one case short, so that the
     * supplier space, reception and members' changes have something to show.
     */
    private void settle(RoundId november) {
        if (!awaitPooled(november)) {
            log.warn("The demo's November round is not pooled yet; its supplier orders stay unconfirmed");
            return;
        }
        List<SupplierOrderView> standing = supplierOrders(november).stream()
                .filter(order -> !order.belowMinimum())
                .sorted(Comparator.comparing(order -> order.supplierId().value()))
                .toList();
        for (int i = 0; i < Math.min(2, standing.size()); i++) {
            SupplierOrderView order = standing.get(i);
            commands.sendAndWait(new ConfirmSupplierOrderCommand(order.id(), GIRONDE, november, order.supplierId(), order.version()));
            Optional<SupplierOrderView.Line> largest = order.lines().stream()
                    .max(Comparator.comparing(line -> line.quantity().value()));
            if (i == 1 && largest.isPresent() && !largest.get().quantity().isZero()) {
                SupplierOrderView.Line line = largest.get();
                // One case short (or one unit of it when a single case was ordered).
                BigDecimal shortBy = line.quantity().value().compareTo(line.product().caseSize().value()) > 0 ? line.product().caseSize().value()
                        : BigDecimal.ONE.min(line.quantity().value());
                commands.sendAndWait(new RecordReceptionCommand(order.id(), GIRONDE, november, order.supplierId(),
                        Map.of(line.product().id(), new Quantity(line.quantity().value().subtract(shortBy)))));
            }
        }
    }

    /** Once the round is pooled: every supplier order that stands received as ordered (one below its minimum confirmed). */
    private List<SupplierOrderView> receiveAll(RoundId roundId) {
        if (!awaitPooled(roundId)) {
            log.warn("The demo's round {} is not pooled yet; it stays unreceived", roundId);
            return List.of();
        }
        List<SupplierOrderView> orders = supplierOrders(roundId).stream()
                .filter(order -> order.status() != SupplierOrderStatus.CANCELLED)
                .sorted(Comparator.comparing(order -> order.supplierId().value()))
                .toList();
        for (SupplierOrderView order : orders) {
            if (order.status() == SupplierOrderStatus.BELOW_MINIMUM) {
                commands.sendAndWait(new DecideBelowMinimumCommand(order.id(), GIRONDE, roundId, order.supplierId(), true));
            }
            Map<ProductId, Quantity> delivered = new HashMap<>();
            order.lines().forEach(line -> delivered.put(line.product().id(), line.quantity()));
            commands.sendAndWait(new RecordReceptionCommand(order.id(), GIRONDE, roundId, order.supplierId(), delivered));
        }
        return orders;
    }

    /**
     * Once the round is pooled: every supplier order received as ordered and invoiced by its supplier (the last a few
     * cents above the order's price, which the coordinator accepts), the member invoices issued; then either every one
     * paid ({@code settle}), or the first paid and the second cancelled by a credit note.
     */
    private void invoice(RoundId roundId, boolean settle) {
        List<SupplierOrderView> orders = receiveAll(roundId);
        if (orders.isEmpty()) {
            return;
        }
        Actor coordinator = new Actor(UserId.random(), GIRONDE_COORDINATOR, "Claire Dubos (coordination)", Role.COORDINATOR, GIRONDE,
                null, null);
        for (int i = 0; i < orders.size(); i++) {
            SupplierOrderView order = orders.get(i);
            catchUp.await(OrderingReadModels.SUPPLIER_ORDERS, order.id());
            LocalDate today = LocalDate.now(clock.withZone(PARIS));
            MatchingSupplierInvoices.Entry invoice = MatchingSupplierInvoices.asDelivered(order, (settle ? "FE-" : "FA-") + (1042 + i), today,
                    today.plusDays(30));
            if (i == orders.size() - 1 && !settle) {
                // The dairy invoices five cents a unit above the order's price.
                List<SupplierInvoiceLine> dearer = invoice.lines().stream().map(line -> {
                    UnitPrice price = new UnitPrice(line.unitPrice().value().add(new BigDecimal("0.05")));
                    return new SupplierInvoiceLine(line.productId(), line.label(), line.quantity(), price, line.vatRate(),
                            price.times(line.quantity()));
                }).toList();
                invoice = invoice.withLines(dearer);
            }
            SupplierInvoiceView recorded = supplierInvoices.record(coordinator, order.id(), invoice);
            if (!recorded.status().billable()) {
                supplierInvoices.resolve(coordinator, recorded.id(), true, "Hausse de tarif annoncée par le fournisseur");
            }
        }
        if (!invoicing.run(GIRONDE, roundId)) {
            log.warn("The demo's invoices of round {} could not be issued", roundId);
            return;
        }
        List<MemberInvoiceView> issued = memberInvoices.list(coordinator, roundId, null);
        if (settle) {
            issued.stream().filter(invoice -> !invoice.creditNote())
                    .forEach(invoice -> memberInvoices.paid(coordinator, invoice.id(), null));
        } else if (issued.size() >= 2) {
            memberInvoices.paid(coordinator, issued.get(0).id(), null);
            memberInvoices.creditNote(coordinator, issued.get(1).id(), "Livraison refusée (emballages abîmés)");
        }
    }

    /** Waits (a minute at most) for the round's pooling job, which runs on a thread of its own. */
    private boolean awaitPooled(RoundId roundId) {
        return awaitUntil(() -> queries.query(new FindPurchaseRoundQuery(GIRONDE, roundId),
                ResponseTypes.optionalInstanceOf(PurchaseRoundSummary.class)).join().map(round -> round.pooledAt() != null)
                .orElse(false));
    }

    private List<SupplierOrderView> supplierOrders(RoundId roundId) {
        return queries.query(new FindSupplierOrdersQuery(GIRONDE, roundId, null, null, false),
                ResponseTypes.multipleInstancesOf(SupplierOrderView.class)).join();
    }

    private void awaitInDirectory(SupplierId supplier) {
        if (!awaitUntil(() -> queries.query(new FindSupplierQuery(groupementOfSupplier.get(supplier), supplier),
                ResponseTypes.optionalInstanceOf(SupplierSummary.class)).join().isPresent())) {
            log.warn("The directory does not show the demo's supplier {} yet", supplier);
        }
    }

    private static boolean awaitUntil(BooleanSupplier done) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static PriceTier tier(String from, String price) {
        return new PriceTier(Quantity.of(from), UnitPrice.of(price));
    }

    /** A fictitious but well-formed SIRET: thirteen digits and the Luhn check digit. */
    private static String siret(String thirteenDigits) {
        return thirteenDigits + Luhn.checkDigit(thirteenDigits);
    }

    private static String id(String key) {
        return UUID.nameUUIDFromBytes(("mutua-demo/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
