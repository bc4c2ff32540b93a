// `npm run bench`: every benchmark of the project, one after another, printed side by side with its references.
import { runModelBench } from './model-bench.ts';

runModelBench();
