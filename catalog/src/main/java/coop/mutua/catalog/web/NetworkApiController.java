package coop.mutua.catalog.web;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindGroupementQuery;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.ListingSuppliers;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.catalog.query.Gazetteer;
import coop.mutua.catalog.query.NetworkDirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.ListingId;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Page;
import coop.mutua.kernel.Paging;
import coop.mutua.kernel.SupplierId;
import coop.mutua.platform.web.PagedLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Network directory", description = "The responsible offer shared by every groupement of the instance, public without login")
class NetworkApiController {

    private final NetworkDirectoryQueries network;
    private final DirectoryQueries directory;
    private final ListingSuppliers listings;
    private final Gazetteer gazetteer;
    private final NetworkTexts texts;
    private final Clock clock;

    NetworkApiController(NetworkDirectoryQueries network, DirectoryQueries directory, ListingSuppliers listings, Gazetteer gazetteer,
                         NetworkTexts texts, Clock clock) {
        this.network = network;
        this.directory = directory;
        this.listings = listings;
        this.gazetteer = gazetteer;
        this.texts = texts;
        this.clock = clock;
    }

    @InitBinder("filter")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping("/api/network/listings")
    @Operation(summary = "Search the network directory (no login needed)", description = "Listings that pass every filter, the most "
            + "relevant first; each with its score, the reasons that make it (their key, points and text) and its responsible profile "
            + "(social, environmental, local, each with its evidence). Distances are from the commune given, else from the caller's "
            + "groupement hub when logged in. Labels whose certificate has expired are not shown.", parameters = {
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "Free text: name, sector, categories, description, commune "
                    + "(accents ignored; every word must be found)", schema = @Schema(type = "string")),
            @Parameter(name = "sector", in = ParameterIn.QUERY, description = "Sector (filière)", schema = @Schema(implementation = Sector.class)),
            @Parameter(name = "label", in = ParameterIn.QUERY, description = "A label with a valid certificate",
                    schema = @Schema(implementation = SupplierLabel.class)),
            @Parameter(name = "family", in = ParameterIn.QUERY, description = "ESS family", schema = @Schema(implementation = EssFamily.class)),
            @Parameter(name = "commune", in = ParameterIn.QUERY, description = "Where to measure distances from: an INSEE code (33063) "
                    + "or a commune's name (\"Bordeaux\", \"Bordeaux (33)\")", schema = @Schema(type = "string")),
            @Parameter(name = "maxKm", in = ParameterIn.QUERY, description = "Largest distance from the origin, in km (needs an origin)",
                    schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "2000"))})
    ResponseEntity<List<NetworkTexts.HitJson>> search(@Parameter(hidden = true) Optional<Actor> actor,
                                                      @Parameter(hidden = true) @ModelAttribute("filter") NetworkFilter filter,
                                                      @Parameter(description = "Page number, from 1",
                                                              schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000000", defaultValue = "1"))
                                                      @RequestParam(name = "page", required = false) Long page,
                                                      @Parameter(description = "Listings per page, 1 to 1000 (default 50)",
                                                              schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000", defaultValue = "50"))
                                                      @RequestParam(name = "size", required = false) Long size) {
        Paging paging = Paging.of(page, size, 50);
        Optional<NetworkFilter.From> from = filter.from(gazetteer,
                actor.flatMap(viewer -> directory.handle(new FindGroupementQuery(viewer.groupementId()))));
        NetworkDirectoryQueries.Found found = network.search(filter.query(from), LocalDate.now(clock),
                (int) Math.min(paging.offset(), Integer.MAX_VALUE), paging.size());
        Locale locale = LocaleContextHolder.getLocale();
        List<NetworkTexts.HitJson> shown = found.hits().stream().map(hit -> texts.hit(hit.listing(), hit.result(), locale)).toList();
        return PagedLists.of(new Page<>(shown, found.total(), paging));
    }

    @GetMapping("/api/network/listings/{id}")
    @Operation(summary = "One listing of the network directory (no login needed)", description = "Labels whose certificate has expired are not shown.")
    NetworkListingView listing(@PathVariable("id") ListingId id) {
        return network.listing(id).orElseThrow(() -> new NotFoundException("listing", id)).publicOn(LocalDate.now(clock));
    }

    @GetMapping("/api/network/communes")
    @Operation(summary = "Communes whose name or postal code starts with the text, the most populated first (no login needed)")
    List<Gazetteer.Commune> communes(@Parameter(description = "The start of a name or a postal code") @RequestParam(name = "q", required = false) String text,
                                     @Parameter(description = "How many, 1 to 50 (default 10)") @RequestParam(name = "limit", required = false) Integer limit) {
        int count = limit == null ? 10 : limit;
        if (count < 1 || count > 50) {
            throw new InvalidFieldException("limit", "network.limit", 50);
        }
        return gazetteer.search(text, count);
    }

    @GetMapping("/api/suppliers/{id}/listing")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The groupement's listing of one of its suppliers in the network directory", description = "Every label "
            + "claimed, expired ones included (the public no longer sees those). 404 when the groupement does not list the supplier.")
    NetworkListingView supplierListing(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, id);
        return network.listingOf(actor.groupementId(), supplier.id()).orElseThrow(() -> new NotFoundException("listing", supplier.id()));
    }

    @PutMapping("/api/suppliers/{id}/listing")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "List the supplier in the network directory, or state its listing again", description = "Name, SIRET, ESS "
            + "family and minimum order are the supplier's own. municipality: the commune's INSEE code (or its name); every label needs "
            + "its certificate and an expiry date not past. A second groupement listing the same SIRET joins the same listing.")
    NetworkListingView list(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id, @RequestBody ListingForm body) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, id);
        return listings.list(actor.groupementId(), supplier, body.toDraft(false));
    }

    @DeleteMapping("/api/suppliers/{id}/listing")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Withdraw the groupement's listing of the supplier", description = "The listing stays in the directory while "
            + "another groupement lists it.")
    void unlist(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, id);
        listings.unlist(actor.groupementId(), supplier);
    }
}
