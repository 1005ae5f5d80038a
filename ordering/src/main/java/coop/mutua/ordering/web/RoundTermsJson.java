package coop.mutua.ordering.web;

import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.FeeSplitPolicy;
import java.math.BigDecimal;
import java.util.Set;

/** Body of PUT /api/rounds/{id}/terms. */
record RoundTermsJson(Set<String> suppliers, AllocationPolicy allocationPolicy, FeeSplitPolicy feeSplitPolicy,
                      BigDecimal groupementFeePercent) {
}
