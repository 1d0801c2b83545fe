#!/usr/bin/env node
// The tool is TypeScript sharing lib/ with the extension; tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
