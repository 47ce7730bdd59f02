/**
 * Recorded (or hand-written) registry responses and the loopback server that replays them, so the
 * supply-chain tests never leave the machine. Layout: `test/fixtures/registry/<service>/<key>.json`,
 * where `<service>` is the first path segment the replay server is mounted at (`npm`, `pypi`, `oci`,
 * `mcp-registry`) and `<key>` is `fixtureKey(method, path)` of the request below that prefix.
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

/** Starts the replay server on 127.0.0.1, port 0. Unknown requests get 404, as a registry would. */
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
    const fx = fixtures.get(`${service}/${fixtureKey(method, rest)}`) ?? (method === 'HEAD' ? fixtures.get(`${service}/${fixtureKey('GET', rest)}`) : undefined);
    if (!fx) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const body = fx.body === undefined ? '' : typeof fx.body === 'string' ? fx.body : JSON.stringify(fx.body);
    res.writeHead(fx.status, { 'content-type': 'application/json', ...fx.headers });
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
