-- Grain state for Orleans' ADO.NET grain storage provider (Microsoft.Orleans.Persistence.AdoNet).
--
-- One row per grain state. What the provider calls the grain type is the state's name ([PersistentState("account")]);
-- the grain id arrives split: integer and GUID keys as two bigints (@GrainIdN0, @GrainIdN1) plus an optional
-- extension, a string key as the extension alone with both numbers 0. A missing extension is stored as '' so
-- the key can be a primary key (Orleans' own script has no unique key at all, and two first writes could both
-- insert). The provider's hashes (@GrainIdHash, @GrainTypeHash) are not needed and not stored.
--
-- The payload is the serializer's bytes. The service's serializer writes plain JSON, stored in a `json` column:
-- validated, queryable (payload->>'version') and kept verbatim (unlike jsonb, it accepts \u0000, which a
-- trail record can carry).
--
-- The e-tag is `version`: 1 on the first write, +1 on every write or clear. A write or clear names the version
-- it read; a row with another version is left alone and the provider raises InconsistentStateException.

create table pinpoint_grain_state
(
    service_id  text not null,
    grain_type  text not null,
    grain_id_n0 bigint not null,
    grain_id_n1 bigint not null,
    grain_key   text not null,
    payload     json,
    version     integer not null,
    modified_at timestamptz not null default now(),
    primary key (service_id, grain_type, grain_key, grain_id_n0, grain_id_n1)
);

insert into orleansquery (querykey, querytext) values

-- The state and its version; no row when never written. A cleared state reads as a version without payload.
('ReadFromStorageKey', $q$
select convert_to(payload::text, 'UTF8') as "PayloadBinary", version as "Version"
from pinpoint_grain_state
where service_id = @ServiceId::text and grain_type = @GrainTypeString::text
  and grain_key = coalesce(@GrainIdExtensionString::text, '')
  and grain_id_n0 = @GrainIdN0::bigint and grain_id_n1 = @GrainIdN1::bigint
$q$),

-- With a version: replace the row if it still has that version. Without one: insert the first row.
-- Returns the new version; the version passed in (or null) means nothing was written, which the provider
-- reports as a conflict.
('WriteToStorageKey', $q$
with replaced as (
    update pinpoint_grain_state
    set payload = convert_from(@PayloadBinary::bytea, 'UTF8')::json, version = version + 1, modified_at = now()
    where service_id = @ServiceId::text and grain_type = @GrainTypeString::text
      and grain_key = coalesce(@GrainIdExtensionString::text, '')
      and grain_id_n0 = @GrainIdN0::bigint and grain_id_n1 = @GrainIdN1::bigint
      and version = @GrainStateVersion::integer
    returning version),
created as (
    insert into pinpoint_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_key, payload, version)
    select @ServiceId::text, @GrainTypeString::text, @GrainIdN0::bigint, @GrainIdN1::bigint,
           coalesce(@GrainIdExtensionString::text, ''), convert_from(@PayloadBinary::bytea, 'UTF8')::json, 1
    where @GrainStateVersion::integer is null
    on conflict do nothing
    returning version)
select coalesce((select version from replaced), (select version from created), @GrainStateVersion::integer)
    as "NewGrainStateVersion"
$q$),

-- Clears the state but keeps the row and bumps its version, so a stale writer still conflicts afterwards.
('ClearStorageKey', $q$
update pinpoint_grain_state
set payload = null, version = version + 1, modified_at = now()
where service_id = @ServiceId::text and grain_type = @GrainTypeString::text
  and grain_key = coalesce(@GrainIdExtensionString::text, '')
  and grain_id_n0 = @GrainIdN0::bigint and grain_id_n1 = @GrainIdN1::bigint
  and version = @GrainStateVersion::integer
returning version as "NewGrainStateVersion"
$q$);
