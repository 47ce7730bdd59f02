// Makes the built CLI entry executable so `npx mcp-warden` and the bin link work on a fresh checkout.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
