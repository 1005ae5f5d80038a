-- Axon Framework 4 storage on PostgreSQL: event store, snapshots, tracking tokens, sagas, dead letters.
-- Names follow Axon's default JDBC schemas (unquoted, so PostgreSQL folds them to lower case); serialized data
-- is BYTEA, never large objects (OID), so that VACUUM reclaims it and pg_dump carries it.

CREATE TABLE domainevententry (
    globalindex          BIGSERIAL    NOT NULL,
    aggregateidentifier  VARCHAR(255) NOT NULL,
    sequencenumber       BIGINT       NOT NULL,
    type                 VARCHAR(255),
    eventidentifier      VARCHAR(255) NOT NULL,
    metadata             BYTEA,
    payload              BYTEA        NOT NULL,
    payloadrevision      VARCHAR(255),
    payloadtype          VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalindex),
    UNIQUE (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier  VARCHAR(255) NOT NULL,
    sequencenumber       BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    eventidentifier      VARCHAR(255) NOT NULL,
    metadata             BYTEA,
    payload              BYTEA        NOT NULL,
    payloadrevision      VARCHAR(255),
    payloadtype          VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE tokenentry (
    processorname  VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    tokentype      VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

CREATE TABLE sagaentry (
    sagaid          VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    sagatype        VARCHAR(255),
    serializedsaga  BYTEA,
    PRIMARY KEY (sagaid)
);

CREATE TABLE associationvalueentry (
    id                BIGSERIAL    NOT NULL,
    associationkey    VARCHAR(255) NOT NULL,
    associationvalue  VARCHAR(255),
    sagatype          VARCHAR(255) NOT NULL,
    sagaid            VARCHAR(255) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX associationvalueentry_lookup ON associationvalueentry (sagatype, associationkey, associationvalue);
CREATE INDEX associationvalueentry_saga ON associationvalueentry (sagaid, sagatype);

CREATE TABLE deadletterentry (
    deadletteridentifier  VARCHAR(255)  NOT NULL,
    processinggroup       VARCHAR(255)  NOT NULL,
    sequenceidentifier    VARCHAR(255)  NOT NULL,
    sequenceindex         BIGINT        NOT NULL,
    messagetype           VARCHAR(255)  NOT NULL,
    eventidentifier       VARCHAR(255)  NOT NULL,
    timestamp             VARCHAR(255)  NOT NULL,
    payloadtype           VARCHAR(255)  NOT NULL,
    payloadrevision       VARCHAR(255),
    payload               BYTEA         NOT NULL,
    metadata              BYTEA,
    type                  VARCHAR(255),
    aggregateidentifier   VARCHAR(255),
    sequencenumber        BIGINT,
    tokentype             VARCHAR(255),
    token                 BYTEA,
    enqueuedat            VARCHAR(255)  NOT NULL,
    lasttouched           VARCHAR(255),
    processingstarted     VARCHAR(255),
    causetype             VARCHAR(255),
    causemessage          VARCHAR(1023),
    diagnostics           BYTEA,
    CONSTRAINT deadletterentry_pk PRIMARY KEY (deadletteridentifier),
    CONSTRAINT deadletterentry_sequence UNIQUE (processinggroup, sequenceidentifier, sequenceindex)
);
CREATE INDEX deadletterentry_group ON deadletterentry (processinggroup);
CREATE INDEX deadletterentry_sequence_lookup ON deadletterentry (processinggroup, sequenceidentifier);
