-- Akte schema, version 3: the recognition pipeline (OCR word boxes, found fields, scanned batches).

alter table document_page add column source varchar(8) default 'TEXT' not null;
alter table document_page add column width_px integer default 0 not null;
alter table document_page add column height_px integer default 0 not null;
alter table document_page add column dpi integer default 0 not null;
alter table document_page add column rotation integer default 0 not null;
-- one word a line: text, x, y, width, height, confidence separated by tabs; read as a whole with its page
alter table document_page add column word_boxes text;

create table document_field (
    document_version_id  bigint        not null references document_version (id),
    position             integer       not null,
    kind                 varchar(32)   not null,
    field_value          varchar(500)  not null,
    raw_text             varchar(500)  not null,
    page_number          integer       not null,
    start_offset         integer       not null,
    end_offset           integer       not null,
    primary key (document_version_id, position)
);

-- a document cut from a scanned batch points to the batch it came from
alter table document add column batch_document_id bigint references document (id);
create index document_batch on document (batch_document_id);
