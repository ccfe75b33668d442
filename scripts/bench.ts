/** `npm run bench`: performance figures against their budgets. All logic is in test/bench/run.ts. */
import { runBench } from '../test/bench/run';

process.exitCode = await runBench(process.argv.slice(2));
