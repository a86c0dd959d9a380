-- Data-protection information requests list what one user did in a period; audits of reads make the trail long.
create index audit_entry_actor_time on audit_entry (actor, occurred_at);
create index audit_entry_time on audit_entry (occurred_at);
