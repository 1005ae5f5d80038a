package coop.mutua.ordering.web;

import coop.mutua.ordering.api.AllocationPolicy;
import coop.mutua.ordering.api.FeeSplitPolicy;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/** Body of PUT /api/rounds/{id}/terms; the groupement fee is a percentage as a decimal string, like every amount. */
record RoundTermsJson(Set<String> suppliers, AllocationPolicy allocationPolicy, FeeSplitPolicy feeSplitPolicy,
                      @Schema(description = "Percent of each member's purchases excl. VAT (goods, delivery and other supplier "
                              + "charges), its own invoice line; 0 to 50, two decimals at most", example = "2.5",
                              pattern = "^[0-9]+(\\.[0-9]{1,2})?$") String groupementFeePercent) {
}
