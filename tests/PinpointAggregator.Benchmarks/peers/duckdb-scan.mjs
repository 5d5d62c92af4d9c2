// The DuckDB peer for `pinpoint-audit scan` (docs/benchmarks.md): read every trail file, keep the Pinpoint
// records, group them per account, region and application. Not part of the build.
//
//   npm install --prefix /tmp/duckdb-peer @duckdb/node-api@1.5.6-r.1
//   NODE_PATH=/tmp/duckdb-peer/node_modules node duckdb-scan.mjs ROOT [LIST]
//
// ROOT is the corpus folder. DuckDB aborts the whole query on one malformed file, so LIST (paths relative to
// ROOT, one a line) names the files to read; without it every ROOT/**/*.json.gz is read. The schema is
// given, narrowed to the fields the summary needs: the fastest way we found to run DuckDB on this data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api');
const [root, list] = process.argv.slice(2);
const quote = p => `'${p.replaceAll("'", "''")}'`;
const files = list
  ? `[${readFileSync(list, 'utf8').split('\n').filter(Boolean).map(f => quote(`${root}/${f}`)).join(',')}]`
  : quote(`${root}/**/*.json.gz`);
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const reader = await con.runAndReadAll(`
WITH r AS (
  SELECT unnest(Records) AS e
  FROM read_json(${files}, format = 'auto', maximum_object_size = 67108864,
    columns = {Records: 'STRUCT(eventID VARCHAR, eventTime VARCHAR, eventSource VARCHAR, eventName VARCHAR, errorCode VARCHAR,
                                recipientAccountId VARCHAR, awsRegion VARCHAR, requestParameters STRUCT("application-id" VARCHAR))[]'})
)
SELECT e.recipientAccountId AS account, e.awsRegion AS region, e.requestParameters."application-id" AS app,
       count(DISTINCT e.eventID) AS events, count(e.errorCode) AS errors, min(e.eventTime) AS first, max(e.eventTime) AS last
FROM r WHERE e.eventSource = 'pinpoint.amazonaws.com'
GROUP BY ALL ORDER BY ALL`);
console.log(JSON.stringify(reader.getRowObjectsJson()));
