-- Each claim of a run gets its own token: the worker that trained a run under an older claim (its
-- replica stalled past the lease, and the run was claimed again, perhaps by the same replica) finds
-- a different token at its next read and stops without writing.
ALTER TABLE training_run ADD COLUMN claim uuid;
