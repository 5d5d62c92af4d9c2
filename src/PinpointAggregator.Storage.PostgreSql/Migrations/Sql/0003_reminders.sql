-- Reminders for Orleans' ADO.NET reminder service (Microsoft.Orleans.Reminders.AdoNet).
--
-- One row per grain and reminder name. Each silo reads the reminders of its part of the hash ring, by the
-- grain's uniform hash stored as a signed integer and compared as the provider compares it. The e-tag is
-- `version`, 0 when created and +1 on every upsert; a delete names the version it read.

create table pinpoint_reminders
(
    service_id    text not null,
    grain_id      text not null,
    reminder_name text not null,
    start_time    timestamptz not null,
    period_ms     bigint not null,
    grain_hash    integer not null,
    version       integer not null,
    primary key (service_id, grain_id, reminder_name)
);

create index pinpoint_reminders_by_hash on pinpoint_reminders (service_id, grain_hash);

insert into orleansquery (querykey, querytext) values

('ReadReminderRowsKey', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from pinpoint_reminders
where service_id = @ServiceId::text and grain_id = @GrainId::text
$q$),

('ReadReminderRowKey', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from pinpoint_reminders
where service_id = @ServiceId::text and grain_id = @GrainId::text and reminder_name = @ReminderName::text
$q$),

-- A range that does not wrap: begin < hash <= end.
('ReadRangeRows1Key', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from pinpoint_reminders
where service_id = @ServiceId::text and grain_hash > @BeginHash::integer and grain_hash <= @EndHash::integer
$q$),

-- A range that wraps past the largest hash: hash > begin or hash <= end.
('ReadRangeRows2Key', $q$
select grain_id as "GrainId", reminder_name as "ReminderName", start_time as "StartTime",
       period_ms as "Period", version as "Version"
from pinpoint_reminders
where service_id = @ServiceId::text and (grain_hash > @BeginHash::integer or grain_hash <= @EndHash::integer)
$q$),

-- Registers or re-registers a reminder (last writer wins, as the provider expects) and returns its new e-tag.
('UpsertReminderRowKey', $q$
insert into pinpoint_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
values (@ServiceId::text, @GrainId::text, @ReminderName::text, @StartTime::timestamptz, @Period::bigint,
        @GrainHash::integer, 0)
on conflict (service_id, grain_id, reminder_name) do update
set start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
    version = pinpoint_reminders.version + 1
returning version as "Version"
$q$),

-- Deletes a reminder if it still has the e-tag the caller read; returns how many rows went (0 or 1).
('DeleteReminderRowKey', $q$
with deleted as (
    delete from pinpoint_reminders
    where service_id = @ServiceId::text and grain_id = @GrainId::text and reminder_name = @ReminderName::text
      and version = @Version::integer
    returning 1)
select count(*) from deleted
$q$),

('DeleteReminderRowsKey', $q$
delete from pinpoint_reminders where service_id = @ServiceId::text
$q$);
