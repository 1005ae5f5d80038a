package coop.mutua.catalog.web;

import coop.mutua.catalog.api.DeactivateSupplierCommand;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.FindCategoriesQuery;
import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.FindSupplierQuery;
import coop.mutua.catalog.api.ReactivateSupplierCommand;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.UpdatingTheDirectory;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.catalog.query.NetworkDirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The supplier directory (search) for members and coordinators, supplier pages, and coordinators' supplier forms. */
@Controller
class SuppliersPagesController {

    private final DirectoryQueries directory;
    private final UpdatingTheDirectory commands;
    private final NetworkDirectoryQueries network;
    private final Clock clock;

    SuppliersPagesController(DirectoryQueries directory, UpdatingTheDirectory commands, NetworkDirectoryQueries network, Clock clock) {
        this.directory = directory;
        this.commands = commands;
        this.network = network;
        this.clock = clock;
    }

    @InitBinder({"supplierForm", "filter"})
    void publicFields(WebDataBinder binder) {
        binder.initDirectFieldAccess();
    }

    @ModelAttribute("essFamilies")
    EssFamily[] essFamilies() {
        return EssFamily.values();
    }

    @ModelAttribute("supplierLabels")
    SupplierLabel[] supplierLabels() {
        return SupplierLabel.values();
    }

    @GetMapping("/suppliers")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String search(Actor actor, @ModelAttribute("filter") DirectoryFilter filter, BindingResult unreadable, Model model,
                  @RequestHeader(name = "HX-Target", required = false) String htmxTarget) {
        // A filter typed by hand in the address bar (?maxKm=abc) is left out and said, never a raw error.
        model.addAttribute("unreadableFilters", unreadable.getFieldErrors().stream().map(error -> error.getField()).toList());
        model.addAttribute("hits", directory.handle(filter.toQuery(actor)));
        model.addAttribute("categories", directory.handle(new FindCategoriesQuery(actor.groupementId())));
        return "results".equals(htmxTarget) ? "catalog/suppliers :: results" : "catalog/suppliers";
    }

    @GetMapping("/suppliers/new")
    @PreAuthorize("hasRole('COORDINATOR')")
    String newSupplier(Model model) {
        model.addAttribute("supplierForm", new SupplierForm());
        model.addAttribute("supplierId", null);
        return "catalog/supplier-form";
    }

    @PostMapping("/suppliers")
    @PreAuthorize("hasRole('COORDINATOR')")
    String register(Actor actor, @ModelAttribute("supplierForm") SupplierForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        SupplierId id = SupplierId.random();
        if (FormErrors.rejectAll(errors, form.problems())) {
            model.addAttribute("supplierId", null);
            return "catalog/supplier-form";
        }
        try {
            commands.send(form.toRegister(id, actor.groupementId()), id);
        } catch (DomainException refused) {
            FormErrors.reject(errors, refused);
            model.addAttribute("supplierId", null);
            return "catalog/supplier-form";
        }
        redirect.addFlashAttribute("saved", form.name);
        return "redirect:/suppliers/" + id;
    }

    @GetMapping("/suppliers/{id}")
    String supplier(Actor actor, @PathVariable("id") SupplierId id, Model model) {
        SupplierSummary supplier = visibleSupplier(actor, id);
        model.addAttribute("supplier", supplier);
        model.addAttribute("products", directory.handle(new FindProductsQuery(actor.groupementId(), supplier.id())));
        model.addAttribute("canEdit", actor.is(Role.COORDINATOR) || supplier.id().equals(actor.supplierId()));
        if (actor.is(Role.COORDINATOR)) {
            network.listingOf(actor.groupementId(), supplier.id()).ifPresent(listing -> {
                model.addAttribute("listing", listing);
                model.addAttribute("expiredLabels", listing.expiredOn(LocalDate.now(clock)));
            });
        }
        return "catalog/supplier";
    }

    @GetMapping("/suppliers/{id}/edit")
    @PreAuthorize("hasRole('COORDINATOR')")
    String edit(Actor actor, @PathVariable("id") SupplierId id, Model model) {
        SupplierSummary supplier = visibleSupplier(actor, id);
        model.addAttribute("supplierForm", SupplierForm.of(supplier, LocaleContextHolder.getLocale()));
        model.addAttribute("supplierId", supplier.id());
        return "catalog/supplier-form";
    }

    @PostMapping("/suppliers/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    String update(Actor actor, @PathVariable("id") SupplierId id, @ModelAttribute("supplierForm") SupplierForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        SupplierSummary supplier = visibleSupplier(actor, id);
        if (FormErrors.rejectAll(errors, form.problems())) {
            model.addAttribute("supplierId", supplier.id());
            return "catalog/supplier-form";
        }
        try {
            commands.send(form.toUpdate(supplier.id(), actor.groupementId()), supplier.id());
        } catch (DomainException refused) {
            FormErrors.reject(errors, refused);
            model.addAttribute("supplierId", supplier.id());
            return "catalog/supplier-form";
        }
        redirect.addFlashAttribute("saved", form.name);
        return "redirect:/suppliers/" + supplier.id();
    }

    @PostMapping("/suppliers/{id}/deactivate")
    @PreAuthorize("hasRole('COORDINATOR')")
    String deactivate(Actor actor, @PathVariable("id") SupplierId id) {
        SupplierSummary supplier = visibleSupplier(actor, id);
        commands.send(new DeactivateSupplierCommand(supplier.id(), actor.groupementId()), supplier.id());
        return "redirect:/suppliers/" + supplier.id();
    }

    @PostMapping("/suppliers/{id}/reactivate")
    @PreAuthorize("hasRole('COORDINATOR')")
    String reactivate(Actor actor, @PathVariable("id") SupplierId id) {
        SupplierSummary supplier = visibleSupplier(actor, id);
        commands.send(new ReactivateSupplierCommand(supplier.id(), actor.groupementId()), supplier.id());
        return "redirect:/suppliers/" + supplier.id();
    }

    /** Coordinators and members see every supplier of their groupement; a supplier user sees only its own. */
    static SupplierSummary visibleSupplier(DirectoryQueries directory, Actor actor, SupplierId supplierId) {
        if (actor.is(Role.SUPPLIER) && !supplierId.equals(actor.supplierId())) {
            throw new NotFoundException("supplier", supplierId);
        }
        return directory.handle(new FindSupplierQuery(actor.groupementId(), supplierId))
                .orElseThrow(() -> new NotFoundException("supplier", supplierId));
    }

    private SupplierSummary visibleSupplier(Actor actor, SupplierId id) {
        return visibleSupplier(directory, actor, id);
    }
}
