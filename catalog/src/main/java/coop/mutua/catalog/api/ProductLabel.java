package coop.mutua.catalog.api;

/** Quality and origin labels of a product, shown in the catalog and counted in impact reports. */
public enum ProductLabel {
    /** Agriculture Biologique. */
    ORGANIC_AB,
    /** Fair trade (commerce équitable). */
    FAIR_TRADE,
    /** Label Rouge. */
    LABEL_ROUGE,
    /** Protected designation or geographical indication (AOP/IGP). */
    AOP_IGP,
    /** Haute Valeur Environnementale. */
    HVE
}
