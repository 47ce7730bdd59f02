#!/usr/bin/env node
import { holdYoungGeneration } from './gateway/young-generation.js';

// The long-running proxies keep a smaller young generation (see young-generation.ts); it is held
// before their modules load, as building the rule tables would grow it at once.
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
if (command === 'wrap' || command === 'gateway') holdYoungGeneration();

const { main } = await import('./cli/program.js');
const code = await main(process.argv.slice(2));
process.exitCode = code;
