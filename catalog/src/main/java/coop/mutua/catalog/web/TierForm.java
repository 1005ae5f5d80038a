package coop.mutua.catalog.web;

/** One volume price tier as typed: from this pooled quantity, this unit price. */
public class TierForm {

    public String from;
    public String price;

    TierForm() {
    }

    TierForm(String from, String price) {
        this.from = from;
        this.price = price;
    }

    boolean isBlank() {
        return (from == null || from.isBlank()) && (price == null || price.isBlank());
    }
}
