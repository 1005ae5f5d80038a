package coop.mutua.catalog.api;

/** The legal family of a social and solidarity economy structure. */
public enum EssFamily {
    ASSOCIATION, SCOP, SCIC, COOPERATIVE, SIAE, EA_ESAT, MUTUAL, FOUNDATION, ESUS_COMPANY, OTHER
}
