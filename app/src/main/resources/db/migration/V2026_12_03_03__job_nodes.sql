-- Nodes running Mutua and the job executions each one runs (JobNodes): a node beats every few seconds; a node recovers
-- only the running executions whose owner stopped beating (or, made before owners were recorded, old enough), never
-- those of a live node (issue 15: a node starting during another's invoicing failed it for good).
CREATE TABLE job_node (
    node_id     VARCHAR(64)  PRIMARY KEY,
    host        VARCHAR(255) NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    beat_at     TIMESTAMPTZ  NOT NULL
);
CREATE TABLE job_execution_owner (
    job_execution_id  BIGINT       PRIMARY KEY,
    node_id           VARCHAR(64)  NOT NULL
);
