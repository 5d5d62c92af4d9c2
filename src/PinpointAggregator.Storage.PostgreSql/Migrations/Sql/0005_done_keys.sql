-- The done-key store (src/PinpointAggregator.Storage.PostgreSql/DoneKeys): which trail keys each prefix has
-- settled, for the reconcile listing of Ingestion:ReconcileHorizon. Prefix grain state keeps only the
-- late-arrival window; this keeps the days behind it. Rows older than the horizon are forgotten per prefix.
create table pinpoint_done_keys
(
    prefix    text not null,
    key       text not null,
    name_time timestamptz not null,
    primary key (prefix, key)
);

create index pinpoint_done_keys_by_time on pinpoint_done_keys (prefix, name_time);
