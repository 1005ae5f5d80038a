-- Mails sent to members about their shares: at pooling, and after each reception that changes them (never twice).
CREATE TABLE member_notification (
    round_id    VARCHAR(64)  NOT NULL,
    member_id   VARCHAR(64)  NOT NULL,
    about       VARCHAR(120) NOT NULL,
    recipient   VARCHAR(254) NOT NULL,
    sent_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (round_id, member_id, about)
);
