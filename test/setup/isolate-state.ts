// Every test file gets its own per-user data directory, so nothing a test runs (scans that record
// trust-on-first-use snapshots, the gateway's audit store, keygen) touches the real home or sees
// another file's state. Child processes of the CLI inherit it through the environment.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env['XDG_DATA_HOME'] = mkdtempSync(join(tmpdir(), 'warden-test-data-'));
