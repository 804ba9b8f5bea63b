-- Which job-engine worker (JobRunr background server) executes or executed a run, and how many times the run was
-- started (1 normally; more when a worker died and another one resumed the run from its checkpoint).
-- Portable SQL (H2 and PostgreSQL).
alter table run add column worker_id varchar(36);
alter table run add column worker_name varchar(200);
alter table run add column executions integer default 0 not null;
