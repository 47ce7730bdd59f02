/**
 * Starts a worker thread on a module next to the caller's. From the built package that is the
 * module's `.js` file; from TypeScript sources (the test runner) the `.ts` file, loaded through tsx.
 *
 * @param caller the caller's `import.meta.url`
 * @param name the worker module's file name without its extension
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startModuleWorker(caller: string, name: string, options: WorkerOptions = {}): Worker {
  if (!caller.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, caller), options);
  const source = JSON.stringify(new URL(`./${name}.ts`, caller).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`, { ...options, eval: true });
}
