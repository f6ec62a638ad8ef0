import { runPostStep } from './post-step/run.js';

await runPostStep();
process.exit();
