import { runPost } from './post-step/run.js';

await runPost();
process.exit();
