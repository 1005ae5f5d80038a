package coop.mutua.ordering.api;

/** The background jobs a round goes through: the pooling at close, the members' invoicing. */
public enum RoundJob {
    POOLING,
    INVOICING
}
