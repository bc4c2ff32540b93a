// `npm run bench`: every benchmark of the project, one after another, printed side by side with its references.
import { runBuildSizeBench } from './build-size.ts';
import { runModelBench } from './model-bench.ts';
import { runScaleBench } from './scale-bench.ts';
import { runServerBench } from './server-bench.ts';
import { runExcelBench } from './excel-bench.ts';
import { runWordBench } from './word-bench.ts';

runModelBench();
runBuildSizeBench();
await runWordBench();
await runExcelBench();
await runServerBench();
await runScaleBench();
// The reference servers' client libraries leave timers behind; the benchmark is over.
process.exit(0);
