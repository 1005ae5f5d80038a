-- Who may order, as ordering needs it at every submission: the member's groupement, name and whether it is active.
-- Written by a subscribing handler of the catalog's member events (OrderingMembers), so in the very transaction that
-- registers, deactivates or reactivates a member. Seeded once from the catalog's directory for existing installations.
CREATE TABLE ordering_member (
    member_id     VARCHAR(64)  PRIMARY KEY,
    groupement_id VARCHAR(64)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL
);

INSERT INTO ordering_member (member_id, groupement_id, name, active)
SELECT id, groupement_id, name, active FROM member_structure;
