-- Akte schema, version 12: poison files are set aside. A processing task counts the times a worker took it and
-- never came back (an OutOfMemoryError or StackOverflowError, a killed or crashed server, a lease that ran out);
-- at the limit the task is SET_ASIDE and its document QUARANTINED until an administrator retries it.
-- Written once for both H2 and PostgreSQL.

alter table processing_task add column crashes integer default 0 not null;
