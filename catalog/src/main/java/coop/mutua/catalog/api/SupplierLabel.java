package coop.mutua.catalog.api;

/** Labels and approvals shown in the directory and counted in impact reports. */
public enum SupplierLabel {
    /** Certified organic (Agriculture Biologique). */
    ORGANIC_AB,
    /** Fair trade (commerce équitable). */
    FAIR_TRADE,
    /** Insertion through economic activity (IAE). */
    IAE,
    /** ESUS approval (entreprise solidaire d'utilité sociale). */
    ESUS,
    /** Adapted company or sheltered work establishment (EA/ESAT). */
    EA_ESAT
}
