package coop.mutua.catalog.web;

import coop.mutua.catalog.api.FindMembersQuery;
import coop.mutua.catalog.api.FindSuppliersQuery;
import coop.mutua.catalog.api.MemberSummary;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Directory", description = "Member structures and suppliers of the caller's groupement")
class DirectoryApiController {

    private final DirectoryQueries directory;

    DirectoryApiController(DirectoryQueries directory) {
        this.directory = directory;
    }

    @GetMapping("/members")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Member structures of the groupement")
    List<MemberSummary> members(@Parameter(hidden = true) Actor actor) {
        return directory.handle(new FindMembersQuery(actor.groupementId()));
    }

    @GetMapping("/suppliers")
    @Operation(summary = "Suppliers of the groupement (a supplier user sees itself only)")
    List<SupplierSummary> suppliers(@Parameter(hidden = true) Actor actor) {
        return directory.handle(new FindSuppliersQuery(actor.groupementId())).stream()
                .filter(supplier -> !actor.is(Role.SUPPLIER) || supplier.id().equals(actor.supplierId()))
                .toList();
    }
}
