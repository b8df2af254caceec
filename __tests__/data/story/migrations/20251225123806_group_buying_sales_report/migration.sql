-- Issue #6: group-buying sales report (hand-written; these tables are not in schema.prisma)
CREATE TABLE payers (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE reps (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT
);

CREATE TABLE clients (
    id SERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    payer_id INTEGER REFERENCES payers(id)
);

CREATE TABLE payer_client_rep_assignments (
    payer_id INTEGER NOT NULL REFERENCES payers(id),
    client_id INTEGER NOT NULL REFERENCES clients(id),
    rep_id INTEGER NOT NULL REFERENCES reps(id),
    PRIMARY KEY (payer_id, client_id)
);

CREATE TABLE sales_report_entries (
    id SERIAL PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients(id),
    rep_id INTEGER REFERENCES reps(id),
    period DATE NOT NULL,
    amount NUMERIC(12, 2) NOT NULL,
    note TEXT
);

CREATE INDEX sales_report_entries_period_idx ON sales_report_entries (period);

CREATE VIEW sales_report_view AS
SELECT e.period, c.name AS client, r.name AS rep, p.name AS payer, sum(e.amount) AS total
FROM sales_report_entries e
JOIN clients c ON c.id = e.client_id
LEFT JOIN reps r ON r.id = e.rep_id
LEFT JOIN payers p ON p.id = c.payer_id
GROUP BY e.period, c.name, r.name, p.name;
