/** `npm run health`: the command-line health report. All logic is in lib/cli/health.ts. */
import { readFileSync, statSync } from 'node:fs';
import { runHealth } from '../lib/cli/health';

process.exitCode = runHealth(process.argv.slice(2), {
  readFile: (path) => ({ text: readFileSync(path, 'utf8'), modifiedAt: statSync(path).mtimeMs }),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => Date.now(),
});
