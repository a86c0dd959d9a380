-- Akte schema, version 10: a disposal destroys or transfers exactly what was approved. The approval
-- fixes every version of every case file (with its hash) and a fingerprint per case file; a change
-- afterwards sends the disposal back for a new decision. Written once for both H2 and PostgreSQL.

alter table disposal_item add column approved_fingerprint varchar(64);

alter table disposal add column sent_back_at timestamp with time zone;
alter table disposal add column sent_back_reason varchar(1000);

-- case_file_id and document_id without foreign keys: the rows are removed when the disposal runs
create table disposal_approved_version (
    disposal_id     bigint        not null references disposal (id),
    position        integer       not null,
    case_file_id    bigint        not null,
    document_id     bigint        not null,
    document_title  varchar(500)  not null,
    version_number  integer       not null,
    file_name       varchar(255)  not null,
    sha256          varchar(64)   not null,
    primary key (disposal_id, position)
);

-- approvals given before this version fixed no contents: those the archive has not appraised yet
-- go back for a new four-eyes decision (the archive already acted on the others)
update disposal
   set state = 'PROPOSED', decided_by = null, decided_at = null, decision_reason = null,
       executed_by = null, executed_at = null, sent_back_at = current_timestamp,
       sent_back_reason = 'approved before approvals fixed the records they cover; decide again'
 where state in ('APPROVED', 'OFFERED');
