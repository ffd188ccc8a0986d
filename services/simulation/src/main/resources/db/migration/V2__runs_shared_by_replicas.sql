-- Several replicas share the runs: a run is held by one replica under a lease that it renews while it
-- queues or trains the run; a run whose lease ran out is handed to another replica. Control requests
-- (pause, cancel) are written here and read by whichever replica trains the run.
ALTER TABLE training_run ADD COLUMN replica varchar(100);
ALTER TABLE training_run ADD COLUMN lease_until timestamptz;
ALTER TABLE training_run ADD COLUMN requested_action varchar(16);
ALTER TABLE training_run ADD COLUMN pause_at_step integer;
UPDATE training_run SET lease_until = now() WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX training_run_lease ON training_run (state, lease_until);
