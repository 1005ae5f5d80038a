package coop.mutua.catalog.web;

import coop.mutua.catalog.api.Address;

/** A postal address as typed in a form or sent in the API. */
public class AddressForm {

    public String street;
    public String postalCode;
    public String city;
    public String country = "FR";

    static AddressForm of(Address address) {
        AddressForm form = new AddressForm();
        if (address != null) {
            form.street = address.street();
            form.postalCode = address.postalCode();
            form.city = address.city();
            form.country = address.country();
        }
        return form;
    }

    Address toAddress() {
        return new Address(street, postalCode, city, country == null || country.isBlank() ? "FR" : country);
    }

    boolean isBlank() {
        return (street == null || street.isBlank()) && (postalCode == null || postalCode.isBlank())
                && (city == null || city.isBlank());
    }
}
