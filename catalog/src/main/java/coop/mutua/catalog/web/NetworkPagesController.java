package coop.mutua.catalog.web;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.GroupementSummary;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.ListingSuppliers;
import coop.mutua.catalog.api.ResponsibleProfile;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.catalog.query.NetworkDirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.SupplierId;
import coop.mutua.platform.web.PagedLists;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network directory's pages (ADR 22): the public search and a listing's page, open without login; and the
 * coordinator's form that lists one of the groupement's suppliers, states its listing again or withdraws it.
 */
@Controller
class NetworkPagesController {

    static final int PAGE_SIZE = 20;

    private final NetworkDirectoryQueries network;
    private final DirectoryQueries directory;
    private final ListingSuppliers listings;
    private final Gazetteer gazetteer;
    private final NetworkTexts texts;
    private final Clock clock;

    NetworkPagesController(NetworkDirectoryQueries network, DirectoryQueries directory, ListingSuppliers listings, Gazetteer gazetteer,
                           NetworkTexts texts, Clock clock) {
        this.network = network;
        this.directory = directory;
        this.listings = listings;
        this.gazetteer = gazetteer;
        this.texts = texts;
        this.clock = clock;
    }

    @InitBinder({"filter", "listingForm"})
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @ModelAttribute("sectors")
    Sector[] sectors() {
        return Sector.values();
    }

    @ModelAttribute("supplierLabels")
    SupplierLabel[] supplierLabels() {
        return SupplierLabel.values();
    }

    @ModelAttribute("essFamilies")
    EssFamily[] essFamilies() {
        return EssFamily.values();
    }

    @GetMapping("/network")
    String search(Optional<Actor> actor, @ModelAttribute("filter") NetworkFilter filter, BindingResult unreadable,
                  @RequestParam(name = "page", required = false) Long page, Model model,
                  @RequestHeader(name = "HX-Target", required = false) String htmxTarget) {
        model.addAttribute("unreadableFilters", unreadable.getFieldErrors().stream().map(error -> error.getField()).toList());
        LocalDate today = LocalDate.now(clock);
        Locale locale = LocaleContextHolder.getLocale();
        Optional<NetworkFilter.From> from = Optional.empty();
        Paging paging = Paging.of(page, (long) PAGE_SIZE, PAGE_SIZE);
        int start = (int) Math.min(paging.offset(), Integer.MAX_VALUE);
        NetworkDirectoryQueries.Found found = new NetworkDirectoryQueries.Found(0, List.of());
        try {
            from = filter.from(gazetteer, viewer(actor));
            found = network.search(filter.query(from), today, start, PAGE_SIZE);
        } catch (DomainException refused) {
            model.addAttribute("filterError", refused);
        }
        List<NetworkTexts.HitJson> shown = found.hits().stream().map(hit -> texts.hit(hit.listing(), hit.result(), locale)).toList();
        Page<NetworkTexts.HitJson> results = new Page<>(shown, found.total(), paging);
        model.addAttribute("results", results);
        model.addAttribute("pager", PagedLists.pager(results));
        model.addAttribute("from", from.orElse(null));
        model.addAttribute("listingCount", network.size());
        List<NetworkMap.Place> places = shown.stream().map(hit -> new NetworkMap.Place(hit.listing().location(), hit.listing().name(),
                "/network/" + hit.listing().id())).toList();
        model.addAttribute("map", NetworkMap.draw(places, from.map(f -> f.origin().point()).orElse(null), gazetteer.departmentOutlines()));
        model.addAttribute("firstNumber", start + 1);
        return "results".equals(htmxTarget) ? "catalog/network :: results" : "catalog/network";
    }

    /** The communes whose name or postal code starts with the text, as the options of the search's list (htmx). */
    @GetMapping("/network/communes")
    String communes(@RequestParam(name = "q", required = false) String text,
                    @RequestParam(name = "commune", required = false) String typed,
                    @RequestParam(name = "municipality", required = false) String typedInForm, Model model) {
        String start = text != null ? text : typed != null ? typed : typedInForm;
        model.addAttribute("communes", gazetteer.search(start, 12));
        return "catalog/network-fragments :: communes";
    }

    @GetMapping("/network/{id}")
    String listing(Optional<Actor> actor, @PathVariable("id") ListingId id, Model model) {
        LocalDate today = LocalDate.now(clock);
        NetworkListingView listing = network.listing(id).orElseThrow(() -> new NotFoundException("listing", id)).publicOn(today);
        Optional<GroupementSummary> viewer = viewer(actor);
        ResponsibleProfile.Buyer buyer = viewer.filter(groupement -> groupement.hub() != null)
                .map(groupement -> new ResponsibleProfile.Buyer(groupement.hub(), null)).orElse(null);
        ResponsibleProfile profile = ResponsibleProfile.of(new ResponsibleProfile.Facts(listing.essFamily(), listing.labels(), null, null,
                listing.location(), listing.department()), buyer, today);
        model.addAttribute("listing", listing);
        model.addAttribute("profile", texts.profile(profile, LocaleContextHolder.getLocale()));
        model.addAttribute("viewerName", viewer.map(GroupementSummary::name).orElse(null));
        model.addAttribute("map", NetworkMap.draw(List.of(new NetworkMap.Place(listing.location(), listing.name(), null)),
                buyer == null ? null : buyer.hub(), gazetteer.departmentOutlines()));
        actor.ifPresent(viewerActor -> model.addAttribute("ownSupplier", directory.handle(new FindSuppliersQuery(viewerActor.groupementId()))
                .stream().filter(supplier -> listing.siret().equals(supplier.siret())).findFirst().orElse(null)));
        return "catalog/network-listing";
    }

    @GetMapping("/suppliers/{id}/listing")
    @PreAuthorize("hasRole('COORDINATOR')")
    String listingForm(Actor actor, @PathVariable("id") SupplierId id, Model model) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, id);
        Optional<NetworkListingView> listing = network.listingOf(actor.groupementId(), supplier.id());
        ListingForm form = listing.map(current -> ListingForm.of(supplier, current)).orElseGet(() -> ListingForm.of(supplier));
        form.municipality = gazetteer.byCode(form.municipality).map(Gazetteer.Commune::label).orElse(form.municipality);
        model.addAttribute("listingForm", form.forPage());
        return listingPage(supplier, listing, model);
    }

    @PostMapping("/suppliers/{id}/listing")
    @PreAuthorize("hasRole('COORDINATOR')")
    String list(Actor actor, @PathVariable("id") SupplierId id, @ModelAttribute("listingForm") ListingForm form, BindingResult errors,
                Model model, RedirectAttributes redirect) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, id);
        try {
            listings.list(actor.groupementId(), supplier, form.toDraft(true));
        } catch (DomainException refused) {
            FormErrors.reject(errors, form.onPage(refused));
            return listingPage(supplier, network.listingOf(actor.groupementId(), supplier.id()), model);
        }
        redirect.addFlashAttribute("listed", supplier.name());
        return "redirect:/suppliers/" + supplier.id();
    }

    @PostMapping("/suppliers/{id}/listing/withdraw")
    @PreAuthorize("hasRole('COORDINATOR')")
    String unlist(Actor actor, @PathVariable("id") SupplierId id, RedirectAttributes redirect) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, id);
        listings.unlist(actor.groupementId(), supplier);
        redirect.addFlashAttribute("unlisted", supplier.name());
        return "redirect:/suppliers/" + supplier.id();
    }

    private String listingPage(SupplierSummary supplier, Optional<NetworkListingView> listing, Model model) {
        model.addAttribute("supplier", supplier);
        model.addAttribute("listing", listing.orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        return "catalog/listing-form";
    }

    private Optional<GroupementSummary> viewer(Optional<Actor> actor) {
        return actor.flatMap(viewer -> directory.handle(new FindGroupementQuery(viewer.groupementId())));
    }
}
