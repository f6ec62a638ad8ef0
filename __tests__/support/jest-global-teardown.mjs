export { stopRunAzurite as default } from './azurite-process.mjs';
