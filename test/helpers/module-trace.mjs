// Preload for tests that check which modules a process loads. `node --import <this file> …` with
// MODULE_TRACE_FILE set appends to that file the URL of every module the process loads, one a line:
// ES modules (and CommonJS modules imported from them) as they load, from a loader hook on the
// loader thread; CommonJS modules required by CommonJS, from require.cache when the process exits.
// Loading is never timed: the list is complete once the process has exited normally.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.MODULE_TRACE_FILE;
if (file) {
  register('./module-trace-hooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    appendFileSync(file, Object.keys(require.cache).map((path) => `${pathToFileURL(path).href}\n`).join(''));
  });
}
