package coop.mutua.catalog.web;

import coop.mutua.catalog.api.FindPriceInForceQuery;
import coop.mutua.catalog.api.ProductPrice;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.catalog.application.UpdatingTheDirectory;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Require;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "Products, prices over time and tiers")
class ProductsApiController {

    private final DirectoryQueries directory;
    private final UpdatingTheDirectory commands;

    ProductsApiController(DirectoryQueries directory, UpdatingTheDirectory commands) {
        this.directory = directory;
        this.commands = commands;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product, with the price in force now and the next scheduled price")
    ProductSummary get(@Parameter(hidden = true) Actor actor, @PathVariable("id") ProductId id) {
        return ProductsPagesController.visibleProduct(directory, actor, id);
    }

    @GetMapping("/{id}/price")
    @Operation(summary = "The price and tiers in force at an instant (default: now)")
    ProductPrice priceAt(@Parameter(hidden = true) Actor actor, @PathVariable("id") ProductId id,
                         @RequestParam(name = "at", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime at) {
        ProductSummary product = ProductsPagesController.visibleProduct(directory, actor, id);
        return directory.handle(new FindPriceInForceQuery(actor.groupementId(), product.id(),
                        at == null ? Instant.now() : Require.instant(at.toInstant(), "at")))
                .orElseThrow(() -> new NotFoundException("price", id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
    @Operation(summary = "Save a product: details, price and tiers (from priceEffectiveAt, default now), availability",
            description = "Only what changed is recorded; the reference cannot change (it is the product's key).")
    ProductSummary revise(@Parameter(hidden = true) Actor actor, @PathVariable("id") ProductId id, @RequestBody ProductForm body) {
        ProductSummary product = ProductsPagesController.editableProduct(directory, actor, id);
        commands.send(body.toRevise(product.id(), actor.groupementId(), product.supplierId()), product.id());
        return ProductsPagesController.editableProduct(directory, actor, id);
    }
}
