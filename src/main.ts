import { runMainStep } from './main-step/run.js';

await runMainStep();
// A stalled cache request can keep a socket open after the step gave up on it: end here.
process.exit();
