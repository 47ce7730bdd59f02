// Loader hooks of module-trace.mjs: record each module's URL before it loads. The write is
// synchronous and the importing thread waits for the hook, so no load goes unrecorded.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
