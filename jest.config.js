// One jest setup for every package. Projects split by what they need, not by package:
// unit and integration run in Node; simulate needs jsdom and a weapp build; e2e needs Chromium.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const common = {
  transform,
  // aedes 1.x ships ES modules only; compile it to CommonJS like our sources.
  transformIgnorePatterns: ['/node_modules/(?!aedes/)'],
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 30_000,
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,cloudfunctions,iot-bridge}/src/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/{contract,integration}/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'simulate',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/simulate/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
    },
  ],
};
