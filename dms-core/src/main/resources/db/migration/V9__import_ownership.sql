-- Akte schema, version 9: import batches belong to an owner, and keys are unique per owner, not globally.
-- A person's batches are theirs; the hot folder's and server-side imports' batches belong to the system
-- ('system:hot-folder', 'system:server-import': names no user can have, as usernames hold no colon).

alter table import_batch add column owner varchar(64);
update import_batch set owner = case kind
    when 'HOT_FOLDER' then 'system:hot-folder'
    when 'SERVER' then 'system:server-import'
    else created_by end;
alter table import_batch alter column owner set not null;

-- the unique constraint on the key alone has a generated name on H2; replacing the column drops it on both databases
alter table import_batch add column owner_batch_key varchar(200);
update import_batch set owner_batch_key = batch_key;
alter table import_batch drop column batch_key;
alter table import_batch rename column owner_batch_key to batch_key;
alter table import_batch alter column batch_key set not null;
alter table import_batch add constraint import_batch_owner_key unique (owner, batch_key);

-- one protocol document per department a batch's documents lie in (no foreign key: a destroyed protocol
-- document must not be kept alive by its batch, as before)
create table import_protocol_document (
    batch_id    bigint not null references import_batch (id),
    document_id bigint not null,
    primary key (batch_id, document_id)
);
insert into import_protocol_document (batch_id, document_id)
    select id, protocol_document_id from import_batch where protocol_document_id is not null;
alter table import_batch drop column protocol_document_id;
