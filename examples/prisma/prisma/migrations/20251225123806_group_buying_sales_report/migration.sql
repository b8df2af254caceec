-- Hand-written migration (issue #6): group-buying sales report.
-- These tables and the view are not modelled in schema.prisma; they are read by the API through raw SQL.

CREATE TABLE payers (
    id          SERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE reps (
    id          SERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT NOT NULL UNIQUE
);

CREATE TABLE clients (
    id          SERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT,
    region      TEXT NOT NULL DEFAULT 'unknown'
);

CREATE TABLE payer_client_rep_assignments (
    payer_id    INTEGER NOT NULL REFERENCES payers (id),
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    rep_id      INTEGER NOT NULL REFERENCES reps (id),
    assigned_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (payer_id, client_id)
);

CREATE TABLE sales_report_entries (
    id          BIGSERIAL PRIMARY KEY,
    payer_id    INTEGER NOT NULL REFERENCES payers (id),
    client_id   INTEGER NOT NULL REFERENCES clients (id),
    rep_id      INTEGER NOT NULL REFERENCES reps (id),
    period      DATE NOT NULL,
    units       INTEGER NOT NULL CHECK (units >= 0),
    amount      NUMERIC(12, 2) NOT NULL
);

CREATE INDEX sales_report_entries_period_idx ON sales_report_entries (period);

CREATE VIEW sales_report_view AS
SELECT e.period,
       p.name          AS payer,
       c.name          AS client,
       r.name          AS rep,
       sum(e.units)    AS units,
       sum(e.amount)   AS amount
FROM sales_report_entries e
JOIN payers p ON p.id = e.payer_id
JOIN clients c ON c.id = e.client_id
JOIN reps r ON r.id = e.rep_id
GROUP BY e.period, p.name, c.name, r.name;
