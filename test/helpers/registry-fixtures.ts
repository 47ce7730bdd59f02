/**
 * Recorded (or hand-written) registry responses and the loopback server that replays them, so the
 * supply-chain tests never leave the machine. Layout: `test/fixtures/registry/<service>/<key>.json`,
 * where `<service>` is the first path segment the replay server is mounted at (`npm`, `pypi`, `oci`,
 * `mcp-registry`) and `<key>` is `fixtureKey(method, path)` of the request below that prefix.
 * Also runnable as a script for demos: `npx tsx test/helpers/registry-fixtures.ts` prints its URL.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const FIXTURE_ROOT = new URL('../fixtures/registry/', import.meta.url).pathname;

export interface RegistryFixture {
  /** Where the response came from: `recorded from <url> on <date>` or `hand-written after <doc>`. */
  origin: string;
  /** What was removed from the real response to keep the fixture small, if anything. */
  trimmed?: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** File name of a request: method (when not GET) and decoded path+query, URI-encoded into one segment. */
export function fixtureKey(method: string, pathWithQuery: string): string {
  let decoded = pathWithQuery;
  try {
    decoded = decodeURIComponent(pathWithQuery);
  } catch {
    // keep the raw path: a request with a broken escape simply matches no fixture
  }
  return `${method === 'GET' ? '' : `${method} `}${encodeURIComponent(decoded)}`;
}

function loadAll(root: string): Map<string, RegistryFixture> {
  const out = new Map<string, RegistryFixture>();
  for (const service of readdirSync(root)) {
    const dir = join(root, service);
    if (!statSync(dir).isDirectory() || service === 'sigstore') continue;
    for (const file of readdirSync(dir)) {
      if (!file.endsWith('.json')) continue;
      out.set(`${service}/${file.slice(0, -'.json'.length)}`, JSON.parse(readFileSync(join(dir, file), 'utf8')) as RegistryFixture);
    }
  }
  return out;
}

export interface ReplayServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request served, as `METHOD /path`. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts the replay server on 127.0.0.1, port 0. Requests without a fixture get 502 (see below). */
export async function startReplayServer(root: string = FIXTURE_ROOT): Promise<ReplayServer> {
  const fixtures = loadAll(root);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    requests.push(`${req.method ?? 'GET'} ${url}`);
    const slash = url.indexOf('/', 1);
    const service = slash === -1 ? url.slice(1) : url.slice(1, slash);
    const rest = slash === -1 ? '/' : url.slice(slash);
    const method = req.method ?? 'GET';
    const key = `${service}/${fixtureKey(method, rest)}`;
    // A request with credentials may get its own fixture (`<key>.auth.json`): the OCI token flow.
    const fx =
      (req.headers.authorization !== undefined ? fixtures.get(`${key}.auth`) : undefined) ??
      fixtures.get(key) ??
      (method === 'HEAD' ? fixtures.get(`${service}/${fixtureKey('GET', rest)}`) : undefined);
    if (!fx) {
      // Not a 404: only a recorded 404 may claim that something does not exist. A request without a
      // fixture is a gap in the test data, and vet must report it as "not checked".
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"no fixture for this request"}');
      return;
    }
    // `{{replay}}` in a fixture stands for this server's own URL (token realms must point back here).
    const self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const body = (fx.body === undefined ? '' : typeof fx.body === 'string' ? fx.body : JSON.stringify(fx.body)).replaceAll('{{replay}}', self);
    const headers = Object.fromEntries(Object.entries(fx.headers ?? {}).map(([k, v]) => [k, v.replaceAll('{{replay}}', self)]));
    res.writeHead(fx.status, { 'content-type': 'application/json', ...headers });
    res.end(method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const replay = await startReplayServer();
  process.stdout.write(`${replay.url}\n`);
}
