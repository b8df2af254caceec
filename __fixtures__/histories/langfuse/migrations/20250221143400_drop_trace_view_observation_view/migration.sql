DROP VIEW IF EXISTS "observations_view";
DROP VIEW IF EXISTS "traces_view";