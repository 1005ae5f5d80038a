package coop.mutua.catalog.batch;

import coop.mutua.kernel.SearchText;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The columns of a catalog file, recognised by their French or English header, whatever the case and accents. */
public enum ProductColumn {
    REFERENCE(true, "reference", "ref", "reference fournisseur", "supplier reference", "code"),
    NAME(true, "designation", "nom", "name", "produit", "libelle", "product"),
    CATEGORY(true, "categorie", "category", "famille", "rayon"),
    UNIT(true, "unite", "unite de vente", "unit", "sale unit"),
    STEP(false, "pas", "pas de commande", "step", "increment"),
    CASE_SIZE(true, "colis", "taille colis", "colisage", "case", "case size", "pcb"),
    MINIMUM(false, "minimum", "minimum de commande", "qte min", "quantite minimum", "moq", "minimum order quantity"),
    PRICE(true, "prix ht", "prix", "prix unitaire ht", "price", "unit price"),
    VAT(true, "tva", "taux tva", "vat", "vat rate"),
    TIERS(false, "paliers", "prix degressifs", "tiers", "price tiers"),
    LABELS(false, "labels", "label"),
    ORIGIN(false, "origine", "origin", "provenance"),
    AVAILABLE(false, "disponible", "available", "dispo");

    private final boolean required;
    private final List<String> headers;

    ProductColumn(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    public boolean required() {
        return required;
    }

    /** The header a user should write, e.g. in error messages about a missing column. */
    public String preferredHeader() {
        return headers.get(0);
    }

    static Optional<ProductColumn> ofHeader(String header) {
        String normalised = SearchText.of(header.replace('_', ' '));
        return Arrays.stream(values()).filter(column -> column.headers.contains(normalised)).findFirst();
    }
}
