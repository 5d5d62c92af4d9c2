-- Cluster membership for Orleans' ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet).
--
-- The ADO.NET providers run no SQL of their own: at start-up each reads `SELECT QueryKey, QueryText FROM
-- OrleansQuery` and runs the text stored under each key it needs, binding parameters by name (@DeploymentId,
-- @Version, ...) and reading result columns by name. So the table and column names below are ours; the query
-- keys, parameter names and result column names are the providers' contract. Every parameter is cast
-- explicitly because the providers bind values without a database type (a null has no type to infer).
--
-- Membership is a compare-and-swap on one version row per cluster: a silo reads the table with its version,
-- and an insert or update of a member row succeeds only if the version is still the one it read, bumping it
-- in the same statement. Queries that report success return one row with one number, > 0 meaning yes.

create table orleansquery
(
    querykey  varchar(64) primary key,
    querytext text not null
);

create table pinpoint_membership_version
(
    cluster_id text primary key,
    version    integer not null default 0,
    changed_at timestamptz not null default now()
);

create table pinpoint_membership
(
    cluster_id      text not null references pinpoint_membership_version (cluster_id),
    address         text not null,
    port            integer not null,
    generation      integer not null,
    silo_name       text not null,
    host_name       text not null,
    status          integer not null,
    proxy_port      integer not null,
    suspect_times   text,
    start_time      timestamptz not null,
    i_am_alive_time timestamptz not null,
    primary key (cluster_id, address, port, generation)
);

insert into orleansquery (querykey, querytext) values

-- Creates the cluster's version row once; true only for the silo that created it.
('InsertMembershipVersionKey', $q$
with created as (
    insert into pinpoint_membership_version (cluster_id) values (@DeploymentId::text)
    on conflict (cluster_id) do nothing
    returning 1)
select count(*) from created
$q$),

-- The version row, joined with every member (none yet: one row whose member columns are null).
('MembershipReadAllKey', $q$
select v.version as "Version", m.address as "Address", m.port as "Port", m.generation as "Generation",
       m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status", m.proxy_port as "ProxyPort",
       m.suspect_times as "SuspectTimes", m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime"
from pinpoint_membership_version v
left join pinpoint_membership m on m.cluster_id = v.cluster_id
where v.cluster_id = @DeploymentId::text
$q$),

-- The version row with one member, read in the same snapshot.
('MembershipReadRowKey', $q$
select v.version as "Version", m.address as "Address", m.port as "Port", m.generation as "Generation",
       m.silo_name as "SiloName", m.host_name as "HostName", m.status as "Status", m.proxy_port as "ProxyPort",
       m.suspect_times as "SuspectTimes", m.start_time as "StartTime", m.i_am_alive_time as "IAmAliveTime"
from pinpoint_membership_version v
left join pinpoint_membership m on m.cluster_id = v.cluster_id
    and m.address = @Address::text and m.port = @Port::integer and m.generation = @Generation::integer
where v.cluster_id = @DeploymentId::text
$q$),

-- Adds a member if the version is still @Version. The version row is locked first (FOR UPDATE re-checks the
-- version after waiting for a concurrent writer), so the insert and the bump happen together or not at all.
('InsertMembershipKey', $q$
with expected as (
    select cluster_id from pinpoint_membership_version
    where cluster_id = @DeploymentId::text and version = @Version::integer
    for update),
added as (
    insert into pinpoint_membership (cluster_id, address, port, generation, silo_name, host_name, status,
                                     proxy_port, start_time, i_am_alive_time)
    select cluster_id, @Address::text, @Port::integer, @Generation::integer, @SiloName::text, @HostName::text,
           @Status::integer, @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz
    from expected
    on conflict do nothing
    returning cluster_id),
bumped as (
    update pinpoint_membership_version v set version = v.version + 1, changed_at = now()
    from added where v.cluster_id = added.cluster_id
    returning 1)
select count(*) from bumped
$q$),

-- Changes a member's status and suspicions if the version is still @Version, the same way.
('UpdateMembershipKey', $q$
with expected as (
    select cluster_id from pinpoint_membership_version
    where cluster_id = @DeploymentId::text and version = @Version::integer
    for update),
changed as (
    update pinpoint_membership m
    set status = @Status::integer, suspect_times = @SuspectTimes::text, i_am_alive_time = @IAmAliveTime::timestamptz
    from expected
    where m.cluster_id = expected.cluster_id
      and m.address = @Address::text and m.port = @Port::integer and m.generation = @Generation::integer
    returning m.cluster_id),
bumped as (
    update pinpoint_membership_version v set version = v.version + 1, changed_at = now()
    from changed where v.cluster_id = changed.cluster_id
    returning 1)
select count(*) from bumped
$q$),

-- The heartbeat: not versioned, so it never conflicts with membership changes.
('UpdateIAmAlivetimeKey', $q$
update pinpoint_membership set i_am_alive_time = @IAmAliveTime::timestamptz
where cluster_id = @DeploymentId::text
  and address = @Address::text and port = @Port::integer and generation = @Generation::integer
$q$),

-- Gateways for clients: members with @Status (the provider passes Active) that listen for clients.
('GatewaysQueryKey', $q$
select address as "Address", proxy_port as "ProxyPort", generation as "Generation"
from pinpoint_membership
where cluster_id = @DeploymentId::text and status = @Status::integer and proxy_port > 0
$q$),

-- Forgets a whole cluster (used by tests and tooling, never by a running silo).
('DeleteMembershipTableEntriesKey', $q$
delete from pinpoint_membership where cluster_id = @DeploymentId::text;
delete from pinpoint_membership_version where cluster_id = @DeploymentId::text
$q$),

-- Removes members that stopped heartbeating before @IAmAliveTime (now minus DefunctSiloExpiration, 7 days by
-- default) and are not Active (status 3). Not only Dead ones: a silo killed while Joining or ShuttingDown may
-- never be declared dead, and a week without a heartbeat is proof enough. An Active row is left for the
-- membership protocol to declare dead first. The version is not bumped: no live silo's view depends on rows
-- of silos that are long gone, and a bump would make concurrent membership changes fail for nothing.
('CleanupDefunctSiloEntriesKey', $q$
delete from pinpoint_membership
where cluster_id = @DeploymentId::text and i_am_alive_time < @IAmAliveTime::timestamptz and status <> 3
$q$);
