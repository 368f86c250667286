/**
 * Three tiers, one run: `npm run test:unit` (pure code), `test:integration` (DynamoDB Local, started once for
 * the tier and found through DDB_ENDPOINT), `test:infra` (CDK templates). Type-checking stays in `tsc`; swc only
 * strips types.
 */
const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // middy is ESM-only; Jest on Node 20 runs CommonJS, so it is transformed too.
  transformIgnorePatterns: ['/node_modules/(?!(@middy)/)'],
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
};

module.exports = {
  testTimeout: 120000,
  // DynamoDB Local is a separate process: while one worker waits on it, another runs CPU-bound suites (CDK, simulator).
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', roots: ['<rootDir>/test/unit'] },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    { ...shared, displayName: 'infra', roots: ['<rootDir>/test/infra'] },
  ],
};
