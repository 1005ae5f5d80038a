package coop.mutua.catalog.api;

/**
 * A sector (filière) of the responsible offer: a closed list, so that the network directory can filter on it and the
 * coordinator can prepare territorial meetings by sector (ADR 22). Product categories stay free text.
 */
public enum Sector {
    ALIMENTATION,
    ENTRETIEN_HYGIENE,
    RESTAURATION_COLLECTIVE,
    SERVICES,
    BTP,
    TEXTILE,
    FOURNITURES,
    ESPACES_VERTS,
    MOBILITE,
    NUMERIQUE,
    AUTRE
}
