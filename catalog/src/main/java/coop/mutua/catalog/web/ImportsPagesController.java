package coop.mutua.catalog.web;

import coop.mutua.catalog.api.ImportMode;
import coop.mutua.catalog.api.ImportReport;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.ImportingProducts;
import coop.mutua.catalog.batch.ImportRepository;
import coop.mutua.catalog.query.DirectoryQueries;
import coop.mutua.kernel.Actor;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.NotFoundException;
import coop.mutua.kernel.Role;
import coop.mutua.kernel.SupplierId;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Catalog import pages: upload a file, follow its progress, read its row-by-row report. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPLIER')")
class ImportsPagesController {

    private final DirectoryQueries directory;
    private final ImportingProducts productImports;
    private final ImportRepository imports;

    ImportsPagesController(DirectoryQueries directory, ImportingProducts productImports, ImportRepository imports) {
        this.directory = directory;
        this.productImports = productImports;
        this.imports = imports;
    }

    @GetMapping("/suppliers/{id}/import")
    String form(Actor actor, @PathVariable("id") SupplierId supplierId, Model model) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, supplierId);
        model.addAttribute("supplier", supplier);
        model.addAttribute("latest", imports.latest(actor.groupementId(), supplier.id(), 10));
        return "catalog/import-form";
    }

    @PostMapping("/suppliers/{id}/import")
    String upload(Actor actor, @PathVariable("id") SupplierId supplierId, @RequestParam("file") MultipartFile file,
                  @RequestParam(name = "mode", defaultValue = "ALL_OR_NOTHING") ImportMode mode, Model model) {
        SupplierSummary supplier = SuppliersPagesController.visibleSupplier(directory, actor, supplierId);
        try {
            String id = productImports.start(actor, supplier.id(), file.getOriginalFilename(), file.getBytes(), mode);
            return "redirect:/imports/" + id;
        } catch (DomainException refused) {
            model.addAttribute("supplier", supplier);
            model.addAttribute("latest", imports.latest(actor.groupementId(), supplier.id(), 10));
            model.addAttribute("refused", refused);
            return "catalog/import-form";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/imports/{id}")
    String report(Actor actor, @PathVariable("id") String id, Model model,
                  @RequestHeader(name = "HX-Request", required = false) String htmx) {
        ImportReport report = visibleReport(actor, id);
        model.addAttribute("report", report);
        model.addAttribute("supplier", SuppliersPagesController.visibleSupplier(directory, actor, report.supplierId()));
        return htmx != null ? "catalog/import-report :: progress" : "catalog/import-report";
    }

    private ImportReport visibleReport(Actor actor, String id) {
        return visibleReport(productImports, actor, id);
    }

    static ImportReport visibleReport(ImportingProducts productImports, Actor actor, String id) {
        ImportReport report = productImports.report(actor.groupementId(), id);
        if (actor.is(Role.SUPPLIER) && !report.supplierId().equals(actor.supplierId())) {
            throw new NotFoundException("import", id);
        }
        return report;
    }
}
