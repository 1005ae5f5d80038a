/**
 * Value types shared by every bounded context of Mutua: identifiers, money, VAT rates, quantities and the
 * largest-remainder allocation. Plain Java only: no Spring, no Axon, so every rule here is unit- and
 * property-testable in isolation.
 */
package coop.mutua.kernel;
