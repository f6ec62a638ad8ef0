/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 120000,
  // One Azurite for the whole run, handed to the test files (__tests__/support/shared-blob-store.ts).
  globalSetup: '<rootDir>/__tests__/support/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/support/jest-global-teardown.mjs',
  reporters: ['default', '<rootDir>/scripts/jest-count-reporter.js'],
  // End-to-end tests spawn git and the bundled action; two workers fit two cores.
  maxWorkers: 2
};
