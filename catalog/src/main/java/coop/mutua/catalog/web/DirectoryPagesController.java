package coop.mutua.catalog.web;

import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindProductsQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The groupement's directory pages: member structures (coordinators) and suppliers with their products. */
@Controller
class DirectoryPagesController {

    private final DirectoryQueries directory;

    DirectoryPagesController(DirectoryQueries directory) {
        this.directory = directory;
    }

    @GetMapping("/members")
    @PreAuthorize("hasRole('COORDINATOR')")
    String members(Actor actor, Model model) {
        model.addAttribute("members", directory.handle(new FindMembersQuery(actor.groupementId())));
        return "catalog/members";
    }

    @GetMapping("/suppliers")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'MEMBER')")
    String suppliers(Actor actor, Model model) {
        model.addAttribute("suppliers", directory.handle(new FindSuppliersQuery(actor.groupementId())));
        return "catalog/suppliers";
    }

    @GetMapping("/suppliers/{id}")
    String supplier(Actor actor, @PathVariable("id") String id, Model model) {
        SupplierId supplierId = SupplierId.of(id);
        if (actor.is(Role.SUPPLIER) && !supplierId.equals(actor.supplierId())) {
            throw new NotFoundException("supplier", id);
        }
        SupplierSummary supplier = directory.handle(new FindSuppliersQuery(actor.groupementId())).stream()
                .filter(candidate -> candidate.id().equals(supplierId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("supplier", id));
        model.addAttribute("supplier", supplier);
        model.addAttribute("products", directory.handle(new FindProductsQuery(actor.groupementId(), supplierId)));
        return "catalog/supplier";
    }
}
