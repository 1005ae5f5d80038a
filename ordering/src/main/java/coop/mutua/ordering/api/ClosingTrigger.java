package coop.mutua.ordering.api;

/** Why a round closed: a coordinator closed it (possibly early), or its deadline passed. */
public enum ClosingTrigger {
    COORDINATOR,
    DEADLINE
}
