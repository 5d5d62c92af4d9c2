-- The audit store (src/PinpointAggregator.Storage.PostgreSql/EventStore): every kept event, the fold's
-- deduplication stamps, and the audit state folded from them. One transaction writes all three for one
-- target (an application, or an account for events that name no application), so events are never stored
-- without being folded, or folded without being stored.

-- The folded state of each target: plain JSON (json, not jsonb: kept verbatim), versioned for optimistic
-- concurrency (a write names the version it read).
create table pinpoint_audit_state
(
    target     text primary key,
    version    bigint not null,
    state      json not null,
    updated_at timestamptz not null default now()
);

-- What each target counted, per deduplication id (the original's event id for an addendum): the fold's
-- memory, so a redelivery is a no-op and an addendum replaces its original's contribution. A retracted
-- stamp is a tombstone: the event is counted at another target.
create table pinpoint_audit_stamps
(
    target           text not null,
    deduplication_id text not null,
    event_id         text not null,
    event_time       timestamptz not null,
    is_addendum      boolean not null,
    event_name       text not null,
    error_code       text,
    caller           text not null,
    is_write         boolean not null,
    unresolved       boolean not null,
    retracted        boolean not null,
    primary key (target, deduplication_id)
);

-- Every kept event: one row per deduplication id and target, holding the current version (an addendum
-- replaces its original's row). Partitioned by month of filed_at: the event's time, clamped to the file's
-- delivery time minus 31 days .. plus 1 day, so a forged eventTime cannot create partitions without bound.
-- Partitions are created by the store as months appear; EventStore:Retention drops whole ones.
create table pinpoint_events
(
    target             text not null,
    deduplication_id   text not null,
    filed_at           timestamptz not null,
    event_id           text not null,
    is_addendum        boolean not null,
    account_id         text not null,
    region             text,
    application_id     text,
    event_time         timestamptz not null,
    event_source       text not null,
    event_name         text not null,
    event_type         text,
    aws_region         text,
    resource_kind      text not null,
    resource_id        text,
    channel            text,
    unresolved_target  text,
    caller_type        text,
    caller_arn         text,
    caller_account_id  text,
    caller_principal_id text,
    caller_user_name   text,
    caller_issuer_arn  text,
    caller_invoked_by  text,
    caller             text not null,
    read_only          boolean,
    is_write           boolean not null,
    error_code         text,
    error_message      text,
    source_ip          text,
    user_agent         text,
    request_id         text,
    source_key         text,
    request_parameters jsonb,
    response_elements  jsonb,
    stored_at          timestamptz not null default now(),
    primary key (target, deduplication_id, filed_at)
) partition by range (filed_at);

-- The organization-wide queries: each filter combined with time order (newest first, event id to break ties).
create index pinpoint_events_by_time on pinpoint_events (event_time desc, event_id);
create index pinpoint_events_by_account on pinpoint_events (account_id, event_time desc, event_id);
create index pinpoint_events_by_region on pinpoint_events (region, event_time desc, event_id);
create index pinpoint_events_by_application on pinpoint_events (account_id, application_id, event_time desc, event_id) where application_id is not null;
create index pinpoint_events_by_action on pinpoint_events (event_name, event_time desc, event_id);
create index pinpoint_events_by_caller on pinpoint_events (caller, event_time desc, event_id);
create index pinpoint_events_by_error on pinpoint_events (error_code, event_time desc, event_id) where error_code is not null;
create index pinpoint_events_by_event_id on pinpoint_events (event_id);
