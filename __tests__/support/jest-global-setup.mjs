export { startRunAzurite as default } from './azurite-process.mjs';
