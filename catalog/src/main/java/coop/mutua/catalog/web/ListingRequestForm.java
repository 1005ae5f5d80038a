package coop.mutua.catalog.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.LabelClaim;
import coop.mutua.catalog.api.ListingRequestDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.application.ListingDraft;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.Money;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A supplier's request to be listed, as typed in the public form or sent to the API: who it is, what its listing would
 * show (the listing form's fields), its street address and minimum order, and the person to invite. {@code homepage} is
 * the form's trap for robots: hidden from people, a form that fills it is answered as received and stored nowhere.
 */
public class ListingRequestForm extends ListingForm {

    public String groupementId;
    public String name;
    public String siret;
    public EssFamily essFamily;
    public String street;
    public String postalCode;
    public String minimumOrder;
    public String contactName;
    @JsonIgnore
    public String homepage;

    /** An empty form with a row for each label (a row left blank claims nothing). */
    static ListingRequestForm blank() {
        ListingRequestForm form = new ListingRequestForm();
        Arrays.stream(SupplierLabel.values()).forEach(label -> form.labels.add(LabelForm.of(label, null, null)));
        form.forPage();
        return form;
    }

    /** The form for amending: the request's details, and a blank row for each label not claimed. */
    static ListingRequestForm of(ListingRequestDetails details) {
        ListingRequestForm form = new ListingRequestForm();
        form.name = details.name();
        form.siret = details.siret();
        form.essFamily = details.essFamily();
        form.sector = details.sector();
        form.categories = new ArrayList<>(details.categories());
        form.street = details.street();
        form.postalCode = details.postalCode();
        form.municipality = details.municipality();
        form.deliveryDepartments = new ArrayList<>(details.deliveryDepartments().stream().sorted().toList());
        form.deliveryRadiusKm = details.deliveryRadiusKm() == null ? null : details.deliveryRadiusKm().toString();
        form.minimumOrder = details.minimumOrder() == null ? null : details.minimumOrder().toBigDecimal().toPlainString();
        for (SupplierLabel label : SupplierLabel.values()) {
            LabelClaim claim = details.labels().stream().filter(c -> c.label() == label).findFirst().orElse(null);
            form.labels.add(LabelForm.of(label, claim == null ? null : claim.certificate(), claim == null ? null : claim.expiresOn()));
        }
        form.contactName = details.contactName();
        form.contactEmail = details.contactEmail();
        form.contactPhone = details.contactPhone();
        form.website = details.website();
        form.description = details.description();
        form.forPage();
        return form;
    }

    /** A robot filled the hidden field. */
    boolean trapped() {
        return homepage != null && !homepage.isBlank();
    }

    ListingRequestDetails toDetails(boolean pageForm) {
        ListingDraft draft = toDraft(pageForm);
        return new ListingRequestDetails(name, siret, essFamily, draft.labels(), draft.sector(), draft.categories(), street, postalCode,
                draft.municipality(), null, draft.deliveryDepartments(), draft.deliveryRadiusKm(), money(minimumOrder), contactName,
                draft.contactEmail(), draft.contactPhone(), draft.website(), draft.description());
    }

    private static Money money(String text) {
        try {
            return text == null || text.isBlank() ? Money.ZERO : Money.parse(text);
        } catch (DomainException unreadable) {
            throw new DomainException("field.amount", "minimumOrder", text);
        }
    }
}
