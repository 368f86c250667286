/** One run: type-checking stays in `tsc`; swc only strips types. DynamoDB Local starts once per run. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // middy is ESM-only; Jest on Node 20 runs CommonJS, so it is transformed too.
  transformIgnorePatterns: ['/node_modules/(?!(@middy)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
  testTimeout: 120000,
  // DynamoDB Local is a separate process: while one worker waits on it, another runs CPU-bound suites (CDK, simulator).
  maxWorkers: 2,
};
