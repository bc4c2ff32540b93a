#!/usr/bin/env node
// The `ctg` command: registers tsx's ESM loader so Node can run the TypeScript sources, then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli.ts');
const code = await main(process.argv.slice(2));
if (code !== null) process.exitCode = code;
