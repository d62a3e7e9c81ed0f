-- Which node does each kind of background work (storage/background_leases.hpp): one row per
-- job (mail_sending, deadline_keeping, audit_anchoring), naming the node that holds its
-- lease and until when (seconds since the epoch). A node renews its own lease before each
-- turn of the work; a lease that ran out is anybody's. SQLite's migration 0020.
CREATE TABLE background_leases (
    job   text COLLATE "C" PRIMARY KEY CHECK (length(job) > 0),
    node  text COLLATE "C" NOT NULL CHECK (length(node) > 0),
    until bigint NOT NULL
);
