import { join } from 'node:path';

export const FIXTURE_SERVERS = join(import.meta.dirname, '..', 'fixtures', 'servers');
export const GOOD_SERVER = join(FIXTURE_SERVERS, 'good-server.mjs');
export const RAW_SERVER = join(FIXTURE_SERVERS, 'raw-server.mjs');
