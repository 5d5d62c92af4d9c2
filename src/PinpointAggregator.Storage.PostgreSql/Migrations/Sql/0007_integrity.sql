-- Integrity validation (issue 11, docs/integrity.md).
--
-- The done-key store keeps each settled log's SHA-256 (computed in the reading pass), or why a settled file
-- has none, and whether a checked digest listed it. New nullable columns and a constant default change only
-- the catalogue (no table rewrite), so this is cheap on a full table; the partial index holds only the keys
-- no digest has listed yet, a few hours' worth per prefix.
alter table pinpoint_done_keys add column if not exists sha256 text;
alter table pinpoint_done_keys add column if not exists unhashable text;
alter table pinpoint_done_keys add column if not exists listed boolean not null default false;

create index if not exists pinpoint_done_keys_unlisted on pinpoint_done_keys (prefix, name_time, key) where not listed;

-- Every finding, kept for good (evidence for auditors: no retention). sequence orders them and is the keyset
-- of pages; the unique index makes appending idempotent, so a poll replayed after a crash adds nothing twice
-- (on a hash of the keys: two S3 keys of 1,024 characters would pass the index's row size).
create table if not exists pinpoint_integrity_findings
(
    sequence     bigint generated always as identity primary key,
    prefix       text not null,
    account      text not null,
    region       text not null,
    kind         text not null,
    is_violation boolean not null,
    digest_key   text,
    log_key      text,
    from_time    timestamptz not null,
    until_time   timestamptz not null,
    detail       text not null,
    found_at     timestamptz not null
);

create unique index if not exists pinpoint_integrity_findings_identity
    on pinpoint_integrity_findings (md5(prefix || chr(1) || kind || chr(1) || coalesce(digest_key, '') || chr(1) || coalesce(log_key, '')), from_time);

-- The query's filters, each read newest first by sequence.
create index if not exists pinpoint_integrity_findings_by_account on pinpoint_integrity_findings (account, sequence);
create index if not exists pinpoint_integrity_findings_by_kind on pinpoint_integrity_findings (kind, sequence);
create index if not exists pinpoint_integrity_findings_by_found on pinpoint_integrity_findings (found_at, sequence);
