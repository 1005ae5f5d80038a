package coop.mutua.catalog.web;

import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.NetworkListingView;
import coop.mutua.catalog.api.Sector;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.application.ListingDraft;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Require;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A supplier's listing in the network directory as the coordinator states it (page form and API body alike): sector,
 * product categories, commune (INSEE code), delivery area, certificates of its labels, public contact and description.
 * On the page, categories and departments are typed separated by commas; a label row left without a certificate is
 * not claimed (the directory shows certified labels only).
 */
public class ListingForm {

    public Sector sector;
    public List<String> categories = new ArrayList<>();
    /** The commune's INSEE code, "33063" (the page's list offers them by name). */
    public String municipality;
    public List<String> deliveryDepartments = new ArrayList<>();
    public String deliveryRadiusKm;
    public List<LabelForm> labels = new ArrayList<>();
    /** The page's text fields: "Légumes, Fruits" and "33, 24" (the API sends the lists). */
    @JsonIgnore
    public String categoriesText;
    @JsonIgnore
    public String departmentsText;
    public String contactEmail;
    public String contactPhone;
    public String website;
    public String description;

    /** One label claimed: which, the certificate's reference, the day it expires ("2027-06-30"). */
    public static class LabelForm {
        public SupplierLabel label;
        public String certificate;
        public String expiresOn;

        static LabelForm of(SupplierLabel label, String certificate, LocalDate expiresOn) {
            LabelForm form = new LabelForm();
            form.label = label;
            form.certificate = certificate;
            form.expiresOn = expiresOn == null ? null : expiresOn.toString();
            return form;
        }
    }

    /**
     * The form for a supplier not listed yet: its description and labels (certificates to fill in). The public contact is
     * left to type: the address the groupement's orders go to is not the supplier's to publish.
     */
    static ListingForm of(SupplierSummary supplier) {
        ListingForm form = new ListingForm();
        form.description = supplier.description();
        supplier.labels().stream().sorted().forEach(label -> form.labels.add(LabelForm.of(label, null, null)));
        return form;
    }

    /** The form for a listed supplier: the listing as stated, and a row for each label of the supplier not claimed yet. */
    static ListingForm of(SupplierSummary supplier, NetworkListingView listing) {
        ListingForm form = new ListingForm();
        form.sector = listing.sector();
        form.categories = new ArrayList<>(listing.categories());
        form.municipality = listing.municipality();
        form.deliveryDepartments = new ArrayList<>(listing.deliveryDepartments());
        form.deliveryRadiusKm = listing.deliveryRadiusKm() == null ? null : listing.deliveryRadiusKm().toString();
        listing.labels().forEach(claim -> form.labels.add(LabelForm.of(claim.label(), claim.certificate(), claim.expiresOn())));
        supplier.labels().stream().sorted()
                .filter(label -> listing.labels().stream().noneMatch(claim -> claim.label() == label))
                .forEach(label -> form.labels.add(LabelForm.of(label, null, null)));
        form.contactEmail = listing.contactEmail();
        form.contactPhone = listing.contactPhone();
        form.website = listing.website();
        form.description = listing.description();
        return form;
    }

    /** Fills the page's text fields from the lists (a form shown again keeps what was typed). */
    ListingForm forPage() {
        categoriesText = String.join(", ", categories);
        departmentsText = String.join(", ", deliveryDepartments);
        return this;
    }

    ListingDraft toDraft(boolean pageForm) {
        if (pageForm) {
            categories = categoriesText == null ? List.of() : List.of(categoriesText);
            deliveryDepartments = departmentsText == null ? List.of() : List.of(departmentsText);
        }
        List<LabelClaim> claims = new ArrayList<>();
        List<LabelForm> rows = labels == null ? List.of() : labels;
        for (int i = 0; i < rows.size(); i++) {
            LabelForm row = rows.get(i);
            String field = "labels[" + i + "]";
            if (row == null) {
                throw new DomainException("field.required", field);
            }
            if (pageForm && blank(row)) {
                continue;
            }
            claims.add(new LabelClaim(Require.present(row.label, field + ".label"), row.certificate, date(row.expiresOn, field + ".expiresOn")));
        }
        return new ListingDraft(sector, listed(categories), municipality == null ? null : municipality.strip(),
                new LinkedHashSet<>(listed(deliveryDepartments)), radius(), claims, contactEmail, contactPhone, website, description);
    }

    private static boolean blank(LabelForm row) {
        return (row.certificate == null || row.certificate.isBlank()) && (row.expiresOn == null || row.expiresOn.isBlank());
    }

    /**
     * A refusal about the k-th label claimed, named after the page's row it came from (rows left blank are not claimed,
     * so the k-th claim may be a later row); any other refusal as it is.
     */
    DomainException onPage(DomainException refused) {
        String field = refused.field().orElse(null);
        Matcher claim = field == null ? null : CLAIM.matcher(field);
        if (claim == null || !claim.matches()) {
            return refused;
        }
        int wanted = Integer.parseInt(claim.group(1));
        for (int row = 0, claimed = 0; labels != null && row < labels.size(); row++) {
            if (labels.get(row) != null && !blank(labels.get(row)) && claimed++ == wanted) {
                return new InvalidFieldException("labels[" + row + "]" + claim.group(2), refused.code(), refused.arguments());
            }
        }
        return refused;
    }

    private static final Pattern CLAIM = Pattern.compile("labels\\[(\\d+)\\](.*)");

    /** A page's comma-separated text arrives as one element, or several: every piece, trimmed, blanks left out. */
    private static List<String> listed(List<String> values) {
        List<String> pieces = new ArrayList<>();
        if (values != null) {
            values.stream().filter(value -> value != null)
                    .flatMap(value -> Arrays.stream(value.split("[,;]")))
                    .map(String::strip).filter(piece -> !piece.isEmpty()).forEach(pieces::add);
        }
        return pieces;
    }

    private Integer radius() {
        if (deliveryRadiusKm == null || deliveryRadiusKm.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(deliveryRadiusKm.strip());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("deliveryRadiusKm", "listing.radius-number", deliveryRadiusKm);
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Require.date(LocalDate.parse(text.strip()), field);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "date.invalid", field, text);
        }
    }
}
