-- Catalog imports: the uploaded file (kept in the database, so any node can run the job and backups carry it),
-- its progress and its row-by-row report.
CREATE TABLE catalog_import (
    id              VARCHAR(64) PRIMARY KEY,
    groupement_id   VARCHAR(64)  NOT NULL,
    supplier_id     VARCHAR(64)  NOT NULL,
    user_id         VARCHAR(64)  NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content         BYTEA        NOT NULL,
    charset         VARCHAR(20),
    separator       VARCHAR(2),
    mode            VARCHAR(20)  NOT NULL CHECK (mode IN ('ALL_OR_NOTHING', 'VALID_ROWS')),
    status          VARCHAR(20)  NOT NULL,
    total_rows      INTEGER      NOT NULL DEFAULT 0,
    validated_rows  INTEGER      NOT NULL DEFAULT 0,
    valid_rows      INTEGER      NOT NULL DEFAULT 0,
    error_rows      INTEGER      NOT NULL DEFAULT 0,
    imported_rows   INTEGER      NOT NULL DEFAULT 0,
    message         TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ
);
CREATE INDEX catalog_import_supplier ON catalog_import (groupement_id, supplier_id, created_at DESC);

CREATE TABLE catalog_import_error (
    import_id    VARCHAR(64)  NOT NULL REFERENCES catalog_import (id) ON DELETE CASCADE,
    line         INTEGER      NOT NULL,
    column_name  VARCHAR(100),
    code         VARCHAR(100) NOT NULL,
    arguments    TEXT[]       NOT NULL DEFAULT '{}'
);
CREATE INDEX catalog_import_error_import ON catalog_import_error (import_id, line);
