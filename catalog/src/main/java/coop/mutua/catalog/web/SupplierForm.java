package coop.mutua.catalog.web;

import coop.mutua.catalog.api.EssFamily;
import coop.mutua.catalog.api.OrderingTerms;
import coop.mutua.catalog.api.RegisterSupplierCommand;
import coop.mutua.catalog.api.SupplierDetails;
import coop.mutua.catalog.api.SupplierLabel;
import coop.mutua.catalog.api.SupplierSummary;
import coop.mutua.catalog.api.UpdateSupplierCommand;
import coop.mutua.catalog.domain.IdentityRules;
import coop.mutua.kernel.DomainException;
import coop.mutua.kernel.GeoPoint;
import coop.mutua.kernel.GroupementId;
import coop.mutua.kernel.InputNumbers;
import coop.mutua.kernel.InvalidFieldException;
import coop.mutua.kernel.Money;
import coop.mutua.kernel.Require;
import coop.mutua.kernel.SupplierId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A supplier as the coordinator types it (page form and API body alike); amounts as typed, "150" or "150,00". */
public class SupplierForm {

    public String name;
    public String siret;
    public String vatNumber;
    public EssFamily essFamily;
    public Set<SupplierLabel> labels = EnumSet.noneOf(SupplierLabel.class);
    public AddressForm address = new AddressForm();
    /** "latitude, longitude" in decimal degrees, as copied from a map. */
    public String location;
    public String orderEmail;
    public String minimumOrder;
    public String freeShippingThreshold;
    public String deliveryFee;
    public String description;

    static SupplierForm of(SupplierSummary supplier, Locale locale) {
        SupplierForm form = new SupplierForm();
        form.name = supplier.name();
        form.siret = supplier.siret();
        form.vatNumber = supplier.vatNumber();
        form.essFamily = supplier.essFamily();
        form.labels = supplier.labels().isEmpty() ? EnumSet.noneOf(SupplierLabel.class) : EnumSet.copyOf(supplier.labels());
        form.address = AddressForm.of(supplier.address());
        form.location = coordinates(supplier.location(), locale);
        form.orderEmail = supplier.orderEmail();
        form.minimumOrder = InputNumbers.of(supplier.minimumOrder().toBigDecimal(), locale);
        form.freeShippingThreshold = InputNumbers.of(supplier.freeShippingThreshold().toBigDecimal(), locale);
        form.deliveryFee = InputNumbers.of(supplier.deliveryFee().toBigDecimal(), locale);
        form.description = supplier.description();
        return form;
    }

    RegisterSupplierCommand toRegister(SupplierId id, GroupementId groupementId) {
        return new RegisterSupplierCommand(id, groupementId, details());
    }

    UpdateSupplierCommand toUpdate(SupplierId id, GroupementId groupementId) {
        return new UpdateSupplierCommand(id, groupementId, details());
    }

    private SupplierDetails details() {
        return new SupplierDetails(name, siret, vatNumber, essFamily, labels, address == null ? null : address.toAddress(),
                location(), orderEmail, new OrderingTerms(money(minimumOrder, "minimumOrder"),
                money(freeShippingThreshold, "freeShippingThreshold"), money(deliveryFee, "deliveryFee")), description);
    }

    /** Every refusal the form would meet, at once: its own parsing (location, amounts) and the identity rules. */
    List<DomainException> problems() {
        List<DomainException> found = new ArrayList<>(IdentityRules.problems(this::location,
                () -> money(minimumOrder, "minimumOrder"), () -> money(freeShippingThreshold, "freeShippingThreshold"),
                () -> money(deliveryFee, "deliveryFee")));
        found.addAll(IdentityRules.identityProblems(name, siret, vatNumber, orderEmail, "orderEmail",
                Map.of("address", address == null ? new AddressForm().toAddress() : address.toAddress())));
        return found;
    }

    private GeoPoint location() {
        if (location == null || location.isBlank()) {
            throw new DomainException("field.required", "location");
        }
        String[] parts = coordinates(location);
        if (parts.length != 2) {
            throw new InvalidFieldException("location", "location.format", location);
        }
        try {
            return Require.named("location", () -> new GeoPoint(Double.parseDouble(parts[0].replace(',', '.')),
                    Double.parseDouble(parts[1].replace(',', '.'))));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("location", "location.format", location);
        }
    }

    /**
     * Latitude and longitude as typed: "44.7353, -0.2652" (copied from a map), "44,7353 ; -0,2652" or "44,7353 -0,2652"
     * (French decimals). A comma separates the two only where it cannot be a decimal comma.
     */
    static String[] coordinates(String typed) {
        String text = typed.strip();
        if (text.contains(";")) {
            return text.split("\\s*;\\s*");
        }
        String[] byBlank = text.split(",?\\s+");
        if (byBlank.length == 2) {
            return byBlank;
        }
        return text.contains(".") ? text.split("\\s*,\\s*") : new String[] {text};
    }

    /** The location as the form shows it: "44,73530 ; -0,26520" in French, "44.73530, -0.26520" in English. */
    static String coordinates(GeoPoint point, Locale locale) {
        String latitude = String.format(Locale.ROOT, "%.5f", point.latitude());
        String longitude = String.format(Locale.ROOT, "%.5f", point.longitude());
        return "fr".equals(locale.getLanguage())
                ? latitude.replace('.', ',') + " ; " + longitude.replace('.', ',')
                : latitude + ", " + longitude;
    }

    private static Money money(String text, String field) {
        try {
            return text == null || text.isBlank() ? Money.ZERO : Money.parse(text);
        } catch (DomainException unreadable) {
            throw new DomainException("field.amount", field, text);
        }
    }
}
