#!/usr/bin/env node
// A client of the Pinpoint Aggregator written as another team would write it: @grpc/grpc-js with
// @grpc/proto-loader, loading the repository's protos/ (and Google's annotation protos from npm), the
// standard health and reflection protos from their npm packages. Nothing here comes from the server's code.
//
//   node client.js HOST:PORT APPLICATION_NAME
//
// APPLICATION_NAME is `accounts/{account}/regions/{region}/applications/{id}`. Prints one JSON object per
// line: the health status, the services reflection lists, the application, and a page of its events
// (or the status SearchEvents answered). Exits 1 with the reason on standard error when a call fails.
'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const deadlineMs = 30_000;
const loaderOptions = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true };

function packageRoot(name) {
  return path.dirname(require.resolve(`${name}/package.json`));
}

function load(files, includeDirs) {
  return grpc.loadPackageDefinition(protoLoader.loadSync(files, { ...loaderOptions, includeDirs }));
}

function deadline() {
  return new Date(Date.now() + deadlineMs);
}

// The bearer token (an API key or a JWT) every call but health and reflection needs.
const metadata = new grpc.Metadata();

function unary(client, method, request) {
  return new Promise((resolve, reject) =>
    client[method](request, metadata, { deadline: deadline() }, (error, response) => (error ? reject(error) : resolve(response))));
}

/** Lists the server's services through reflection: v1 first, v1alpha when the server only speaks that. */
async function listServices(address) {
  const protoRoot = path.join(packageRoot('@grpc/reflection'), 'build', 'proto');
  for (const version of ['v1', 'v1alpha']) {
    const reflection = load([`grpc/reflection/${version}/reflection.proto`], [protoRoot]).grpc.reflection[version];
    const client = new reflection.ServerReflection(address, grpc.credentials.createInsecure());
    try {
      const services = await new Promise((resolve, reject) => {
        const call = client.ServerReflectionInfo({ deadline: deadline() });
        call.on('data', (response) => {
          if (response.errorResponse) {
            reject(new Error(`reflection error ${response.errorResponse.errorCode}: ${response.errorResponse.errorMessage}`));
          } else {
            resolve(response.listServicesResponse.service.map((s) => s.name).sort());
          }
          call.end();
        });
        call.on('error', reject);
        call.write({ listServices: '' });
      });
      return { protocol: version, services };
    } catch (error) {
      if (error.code !== grpc.status.UNIMPLEMENTED) {
        throw error;
      }
    } finally {
      client.close();
    }
  }
  throw new Error('the server answers neither grpc.reflection.v1 nor v1alpha');
}

async function main() {
  const [address, applicationName] = process.argv.slice(2);
  if (!address || !applicationName) {
    throw new Error('usage: PINPOINT_AUDIT_TOKEN=... node client.js HOST:PORT accounts/ACCOUNT/regions/REGION/applications/ID');
  }
  if (process.env.PINPOINT_AUDIT_TOKEN) {
    metadata.add('authorization', `Bearer ${process.env.PINPOINT_AUDIT_TOKEN}`);
  }

  const insecure = grpc.credentials.createInsecure();
  const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

  const health = load(['health/v1/health.proto'], [path.join(packageRoot('grpc-health-check'), 'proto')]).grpc.health.v1;
  const healthClient = new health.Health(address, insecure);
  print({ health: (await unary(healthClient, 'Check', { service: '' })).status });
  healthClient.close();

  print({ reflection: await listServices(address) });

  const protos = path.resolve(__dirname, '..', '..', '..', 'protos');
  const v1 = load(
    ['pinpoint/aggregator/v1/applications.proto', 'pinpoint/aggregator/v1/events.proto'],
    [protos, packageRoot('google-proto-files')],
  ).pinpoint.aggregator.v1;

  const applications = new v1.ApplicationService(address, insecure);
  const app = await unary(applications, 'GetApplication', { name: applicationName });
  applications.close();
  print({
    application: {
      name: app.name,
      applicationId: app.applicationId,
      events: app.activity.events,
      deleted: app.deleted !== null,
    },
  });

  const events = new v1.EventService(address, insecure);
  try {
    const page = await unary(events, 'SearchEvents', {
      filter: { accounts: [app.account], applications: [app.applicationId] },
      order: 'EVENT_ORDER_NEWEST_FIRST',
      pageSize: 5,
    });
    print({ searchEvents: { eventIds: page.events.map((e) => e.eventId), morePages: page.nextPageToken !== '' } });
  } catch (error) {
    if (error.code !== grpc.status.UNIMPLEMENTED) {
      throw error;
    }
    print({ searchEvents: { status: 'UNIMPLEMENTED' } });
  } finally {
    events.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
