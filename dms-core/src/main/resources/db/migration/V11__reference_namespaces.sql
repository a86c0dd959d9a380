-- Akte schema, version 11: case-file numbering per department. Each department owns the file references
-- beginning with one of its prefixes; namespaces of different departments never overlap (checked by the
-- application when an administrator sets them, since "one begins with the other" is no SQL constraint).
-- Written once for both H2 and PostgreSQL.

create table department_reference_prefix (
    department_id  bigint       not null references department (id),
    prefix         varchar(50)  not null,
    primary key (department_id, prefix),
    unique (prefix)
);

-- existing departments number under their code and a dash (department 63 owns 63-...)
insert into department_reference_prefix (department_id, prefix)
    select id, code || '-' from department;
