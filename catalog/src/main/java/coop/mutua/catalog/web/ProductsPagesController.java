package coop.mutua.catalog.web;

import coop.mutua.catalog.api.ChangeProductAvailabilityCommand;
import coop.mutua.catalog.api.FindProductQuery;
import coop.mutua.catalog.api.ProductLabel;
import coop.mutua.catalog.api.ProductSummary;
import coop.mutua.catalog.api.SaleUnit;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.UpdatingTheDirectory;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.ProductId;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import coop.mutua.kernel.VatRate;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Product forms, for the groupement's coordinators and for a supplier's own products. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
class ProductsPagesController {

    private final DirectoryQueries directory;
    private final UpdatingTheDirectory commands;

    ProductsPagesController(DirectoryQueries directory, UpdatingTheDirectory commands) {
        this.directory = directory;
        this.commands = commands;
    }

    @InitBinder("productForm")
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
        binder.setAutoGrowNestedPaths(true);
    }

    @ModelAttribute("saleUnits")
    SaleUnit[] saleUnits() {
        return SaleUnit.values();
    }

    @ModelAttribute("vatRates")
    VatRate[] vatRates() {
        return VatRate.values();
    }

    @ModelAttribute("productLabels")
    ProductLabel[] productLabels() {
        return ProductLabel.values();
    }

    @GetMapping("/suppliers/{id}/products/new")
    String newProduct(Actor actor, @PathVariable("id") SupplierId supplierId, Model model) {
        model.addAttribute("supplier", SuppliersPagesController.visibleSupplier(directory, actor, supplierId));
        model.addAttribute("productForm", ProductForm.blank());
        model.addAttribute("product", null);
        return "catalog/product-form";
    }

    @PostMapping("/suppliers/{id}/products")
    String add(Actor actor, @PathVariable("id") SupplierId supplierId, @ModelAttribute("productForm") ProductForm form,
               BindingResult errors, Model model, RedirectAttributes redirect) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, supplierId);
        try {
            var command = form.toAdd(actor.groupementId(), supplier.id());
            try {
                commands.send(command, command.productId());
                form.availabilityAfterAdd(command).ifPresent(withdraw -> commands.send(withdraw, command.productId()));
            } catch (AggregateStreamCreationException taken) {
                throw new InvalidFieldException("reference", "product.reference-taken", command.reference());
            }
        } catch (DomainException refused) {
            FormErrors.reject(errors, refused);
            form.padTiers();
            model.addAttribute("supplier", supplier);
            model.addAttribute("product", null);
            return "catalog/product-form";
        }
        redirect.addFlashAttribute("saved", form.name);
        return "redirect:/suppliers/" + supplier.id();
    }

    @GetMapping("/products/{id}/edit")
    String edit(Actor actor, @PathVariable("id") ProductId id, Model model) {
        ProductSummary product = editableProduct(actor, id);
        model.addAttribute("supplier", SuppliersPagesController.visibleSupplier(directory, actor, product.supplierId()));
        model.addAttribute("productForm", ProductForm.of(product, LocaleContextHolder.getLocale()));
        model.addAttribute("product", product);
        return "catalog/product-form";
    }

    @PostMapping("/products/{id}")
    String revise(Actor actor, @PathVariable("id") ProductId id, @ModelAttribute("productForm") ProductForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        ProductSummary product = editableProduct(actor, id);
        try {
            commands.send(form.toRevise(product.id(), actor.groupementId(), product.supplierId()), product.id());
        } catch (DomainException refused) {
            FormErrors.reject(errors, refused);
            form.padTiers();
            form.reference = product.reference();
            model.addAttribute("supplier", SuppliersPagesController.visibleSupplier(directory, actor, product.supplierId()));
            model.addAttribute("product", product);
            return "catalog/product-form";
        }
        redirect.addFlashAttribute("saved", form.name);
        return "redirect:/suppliers/" + product.supplierId();
    }

    @PostMapping("/products/{id}/availability")
    String availability(Actor actor, @PathVariable("id") ProductId id, @RequestParam("available") boolean available) {
        ProductSummary product = editableProduct(actor, id);
        commands.send(new ChangeProductAvailabilityCommand(product.id(), actor.groupementId(), product.supplierId(), available),
                product.id());
        return "redirect:/suppliers/" + product.supplierId();
    }

    /** Anyone of the groupement may read a product, but a supplier user only its own. */
    static ProductSummary visibleProduct(DirectoryQueries directory, Actor actor, ProductId id) {
        return directory.handle(new FindProductQuery(actor.groupementId(), id))
                .filter(product -> !actor.is(Role.SUPPLIER) || product.supplierId().equals(actor.supplierId()))
                .orElseThrow(() -> new NotFoundException("product", id));
    }

    /** A coordinator edits any product of the groupement, a supplier only its own, a member none. */
    static ProductSummary editableProduct(DirectoryQueries directory, Actor actor, ProductId id) {
        if (actor.is(Role.MEMBER)) {
            throw new NotFoundException("product", id);
        }
        return visibleProduct(directory, actor, id);
    }

    private ProductSummary editableProduct(Actor actor, ProductId id) {
        return editableProduct(directory, actor, id);
    }
}
