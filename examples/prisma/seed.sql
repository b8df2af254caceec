-- Demo data for the sales-report tables: what the DROP TABLE statements of 20260105093000 would destroy.
INSERT INTO payers (name) SELECT 'Payer ' || g FROM generate_series(1, 40) g;
INSERT INTO reps (name, email) SELECT 'Rep ' || g, 'rep' || g || '@example.com' FROM generate_series(1, 12) g;
INSERT INTO clients (name, email, region)
SELECT 'Client ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE 'client' || g || '@example.com' END, (ARRAY['north', 'south', 'east', 'west'])[1 + g % 4]
FROM generate_series(1, 250) g;
INSERT INTO payer_client_rep_assignments (payer_id, client_id, rep_id)
SELECT 1 + (g % 40), g, 1 + (g % 12) FROM generate_series(1, 250) g;
INSERT INTO sales_report_entries (payer_id, client_id, rep_id, period, units, amount)
SELECT 1 + (g % 40), 1 + (g % 250), 1 + (g % 12), DATE '2025-01-01' + (g % 365), g % 17, round((g % 1000) * 1.37, 2)
FROM generate_series(1, 1234) g;
INSERT INTO view_whitelist (view_name) VALUES ('sales_report_view');
