package coop.mutua.catalog.api;

import coop.mutua.kernel.MemberId;
import java.time.Instant;

/** A member structure's responsible-purchasing targets as last set (whole percent, null: no target). */
public record MemberGoals(MemberId memberId, Integer essPercent, Integer organicPercent, Integer localPercent, Instant setAt) {
}
