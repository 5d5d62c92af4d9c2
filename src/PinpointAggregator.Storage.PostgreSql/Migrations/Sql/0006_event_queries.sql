-- The query side of the audit store (src/PinpointAggregator.Storage.PostgreSql/EventStore): the application
-- directory, search and history indexes that serve a page in time order, free-text search over the raw
-- request, and the feed that a watch follows.

-- Trigram indexes for "contains" searches (Debian's postgresql package ships it; trusted, so the database
-- owner may create it).
create extension if not exists pg_trgm;

-- Event ids and targets order ordinally (the "C" collation), as the in-memory store orders them, whatever
-- the database's locale: a page token holds them, and the order must be the same for every reader.
alter table pinpoint_events
    alter column event_id type text collate "C",
    alter column target type text collate "C";

-- The feed: every row carries the id of the transaction that inserted it and a sequence number. A reader
-- returns only rows of transactions older than its snapshot's xmin (all of them have ended, so no row can
-- still appear behind its cursor), ordered by (tx, seq). An addendum that replaces a row is a new row.
create sequence pinpoint_events_seq as bigint;
alter table pinpoint_events
    add column tx  xid8 not null default pg_current_xact_id(),
    add column seq bigint not null default nextval('pinpoint_events_seq');
create index pinpoint_events_by_feed on pinpoint_events (tx, seq);

-- Search and history read a page in (event_time, event_id, target) order, either way, after a keyset
-- position; each index leads with one filter's column (compared with = for a single value) and ends in
-- that order. The indexes of 0004 had event_id in the other direction and no target: replaced.
drop index pinpoint_events_by_time;
drop index pinpoint_events_by_account;
drop index pinpoint_events_by_region;
drop index pinpoint_events_by_application;
drop index pinpoint_events_by_action;
drop index pinpoint_events_by_caller;
drop index pinpoint_events_by_error;
create index pinpoint_events_by_time on pinpoint_events (event_time, event_id, target);
create index pinpoint_events_by_account on pinpoint_events (account_id, event_time, event_id, target);
create index pinpoint_events_by_region on pinpoint_events (region, event_time, event_id, target);
create index pinpoint_events_by_application on pinpoint_events (application_id, event_time, event_id, target) where application_id is not null;
create index pinpoint_events_by_action on pinpoint_events (event_name, event_time, event_id, target);
create index pinpoint_events_by_caller on pinpoint_events (caller, event_time, event_id, target);
create index pinpoint_events_by_error on pinpoint_events (error_code, event_time, event_id, target) where error_code is not null;
create index pinpoint_events_errors on pinpoint_events (event_time, event_id, target) where error_code is not null;
create index pinpoint_events_by_source_ip on pinpoint_events (source_ip, event_time, event_id, target) where source_ip is not null;
-- One resource's history: a channel's rows have no resource id, their channel type stands for it.
create index pinpoint_events_by_resource on pinpoint_events
    (application_id, resource_kind, (coalesce(resource_id, channel)), event_time, event_id, target) where application_id is not null;
-- Free text over the raw request (matched against jsonb's text form).
create index pinpoint_events_by_request_text on pinpoint_events using gin ((request_parameters::text) gin_trgm_ops);

-- The application directory: one line per application, written in the same transaction as the
-- application's audit state (pinpoint_audit_state), so it is never behind it. Lists page on the primary
-- key; the other indexes serve the filters.
create table pinpoint_applications
(
    account_id     text collate "C" not null,
    region         text collate "C" not null,
    application_id text collate "C" not null,
    name           text,
    deleted        boolean not null,
    created        jsonb,
    deleted_by     jsonb,
    first_event_at timestamptz,
    last_event_at  timestamptz,
    events         bigint not null,
    errors         bigint not null,
    by_action      jsonb not null,
    error_codes    jsonb not null,
    callers        jsonb not null,
    updated_at     timestamptz not null default now(),
    primary key (account_id, region, application_id)
);

create index pinpoint_applications_by_deleted on pinpoint_applications (deleted, account_id, region, application_id);
create index pinpoint_applications_with_errors on pinpoint_applications (account_id, region, application_id) where errors > 0;
create index pinpoint_applications_by_activity on pinpoint_applications (last_event_at);
create index pinpoint_applications_by_name on pinpoint_applications using gin (lower(name) gin_trgm_ops);
