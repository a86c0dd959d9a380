-- Sessions and tokens end when a user's password, roles or access change: each account carries a credential
-- version, which sessions and tokens remember; a change raises it.
alter table app_user add column credential_version bigint default 0 not null;

-- Tokens never outlive an absolute limit (no endless self-renewal), remember the credential version they were
-- issued under, and may carry the owner's label. Existing tokens keep their expiry as their absolute limit and
-- stay valid until then.
alter table api_token add column absolute_expires_at timestamp with time zone;
update api_token set absolute_expires_at = expires_at;
alter table api_token alter column absolute_expires_at set not null;
alter table api_token add column credential_version bigint default 0 not null;
alter table api_token add column label varchar(100);
create index api_token_user on api_token (username);

-- Lifting a legal hold takes two records officers: one asks (with a reason), a different one lifts.
alter table legal_hold add column lift_requested_by varchar(64);
alter table legal_hold add column lift_requested_at timestamp with time zone;
alter table legal_hold add column lift_reason varchar(1000);

-- Accounts holding ADMIN and RECORDS_OFFICER together are split at start-up by the application (it keeps ADMIN,
-- drops RECORDS_OFFICER, ends the sessions and writes the hash-chained audit entry SQL cannot write).
