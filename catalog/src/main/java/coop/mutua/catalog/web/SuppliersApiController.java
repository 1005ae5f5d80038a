package coop.mutua.catalog.web;

import coop.mutua.catalog.api.DeactivateSupplierCommand;
import coop.mutua.catalog.api.DirectoryHit;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindProductQuery;
import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.catalog.api.ReactivateSupplierCommand;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.UpdatingTheDirectory;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/suppliers")
@Tag(name = "Suppliers", description = "The groupement's supplier directory and catalogs")
class SuppliersApiController {

    private final DirectoryQueries directory;
    private final UpdatingTheDirectory commands;

    SuppliersApiController(DirectoryQueries directory, UpdatingTheDirectory commands) {
        this.directory = directory;
        this.commands = commands;
    }

    @InitBinder("filter")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @GetMapping
    @Operation(summary = "Search the directory", description = "A supplier user gets itself only.", parameters = {
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "Free text: name, description, town, a product's name, "
                    + "category, origin or reference (accents ignored)", schema = @Schema(type = "string")),
            @Parameter(name = "label", in = ParameterIn.QUERY, description = "Every one of these labels (repeat the parameter)",
                    array = @ArraySchema(schema = @Schema(implementation = SupplierLabel.class))),
            @Parameter(name = "family", in = ParameterIn.QUERY, description = "ESS family",
                    schema = @Schema(implementation = EssFamily.class)),
            @Parameter(name = "category", in = ParameterIn.QUERY, description = "A product category", schema = @Schema(type = "string")),
            @Parameter(name = "maxKm", in = ParameterIn.QUERY, description = "Largest distance from the groupement's hub, in km",
                    schema = @Schema(type = "number", minimum = "0")),
            @Parameter(name = "inactive", in = ParameterIn.QUERY, description = "Include deactivated suppliers (coordinators)",
                    schema = @Schema(type = "boolean"))})
    List<DirectoryHit> search(@Parameter(hidden = true) Actor actor, @Parameter(hidden = true) @ModelAttribute("filter") DirectoryFilter filter) {
        return directory.handle(filter.toQuery(actor)).stream()
                .filter(hit -> !actor.is(Role.SUPPLIER) || hit.supplier().id().equals(actor.supplierId()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One supplier")
    SupplierSummary get(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id) {
        return SuppliersPagesController.visibleSupplier(directory, actor, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Register a supplier", description = "location is \"latitude, longitude\"; amounts are \"150.00\".")
    ResponseEntity<SupplierSummary> register(@Parameter(hidden = true) Actor actor, @RequestBody SupplierForm body,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        SupplierId id = idempotencyKey == null || idempotencyKey.isBlank() ? SupplierId.random()
                : SupplierId.of(IdempotencyKeys.id(actor, "suppliers", idempotencyKey));
        if (directory.handle(new FindSupplierQuery(actor.groupementId(), id)).isEmpty()) {
            commands.send(body.toRegister(id, actor.groupementId()), id);
        }
        return ResponseEntity.created(URI.create("/api/suppliers/" + id)).body(get(actor, id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Replace a supplier's identity, labels, location and terms")
    SupplierSummary update(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id, @RequestBody SupplierForm body) {
        SupplierSummary supplier = get(actor, id);
        commands.send(body.toUpdate(supplier.id(), actor.groupementId()), supplier.id());
        return get(actor, id);
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Take a supplier out of new rounds")
    SupplierSummary deactivate(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id) {
        SupplierSummary supplier = get(actor, id);
        commands.send(new DeactivateSupplierCommand(supplier.id(), actor.groupementId()), supplier.id());
        return get(actor, id);
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Bring a supplier back")
    SupplierSummary reactivate(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id) {
        SupplierSummary supplier = get(actor, id);
        commands.send(new ReactivateSupplierCommand(supplier.id(), actor.groupementId()), supplier.id());
        return get(actor, id);
    }

    @GetMapping("/{id}/products")
    @Operation(summary = "A supplier's products with the price in force now and the next scheduled price")
    List<ProductSummary> products(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id) {
        SupplierSummary supplier = get(actor, id);
        return directory.handle(new FindProductsQuery(actor.groupementId(), supplier.id()));
    }

    @PostMapping("/{id}/products")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Add a product; its supplier reference is its key (a second product with it is refused)")
    ResponseEntity<ProductSummary> addProduct(@Parameter(hidden = true) Actor actor, @PathVariable("id") SupplierId id,
                                              @RequestBody ProductForm body) {
        SupplierSummary supplier = get(actor, id);
        var command = body.toAdd(actor.groupementId(), supplier.id());
        try {
            commands.send(command, command.productId());
            body.availabilityAfterAdd(command).ifPresent(withdraw -> commands.send(withdraw, command.productId()));
        } catch (AggregateStreamCreationException taken) {
            throw new InvalidFieldException("reference", "product.reference-taken", command.reference());
        }
        ProductSummary product = directory.handle(new FindProductQuery(actor.groupementId(), command.productId()))
                .orElseThrow(() -> new NotFoundException("product", command.productId()));
        return ResponseEntity.created(URI.create("/api/products/" + product.id())).body(product);
    }
}
