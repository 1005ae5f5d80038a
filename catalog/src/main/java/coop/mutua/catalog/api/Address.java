package coop.mutua.catalog.api;

/** A postal address in France (or elsewhere when country is not FR). */
public record Address(String street, String postalCode, String city, String country) {

    public String oneLine() {
        return street + ", " + postalCode + " " + city + ("FR".equals(country) ? "" : ", " + country);
    }
}
