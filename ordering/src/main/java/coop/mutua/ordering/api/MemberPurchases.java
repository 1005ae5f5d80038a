package coop.mutua.ordering.api;

import coop.mutua.kernel.MemberId;
import coop.mutua.kernel.SupplierId;

/**
 * What a member received from a supplier, in cents excl. VAT: at the pooled price (each share rounded to the cent, half
 * up), at the list price (never below), and of it on products labelled organic.
 */
public record MemberPurchases(MemberId memberId, SupplierId supplierId, long spendCents, long listCents, long organicCents) {
}
