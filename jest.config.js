/** One Jest run for every tier: `*.spec.ts` (unit), `*.int-spec.ts`, `*.e2e-spec.ts`. */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleNameMapper: {
    '^@billing/domain(|/.*)$': '<rootDir>/libs/billing-domain/src$1',
    '^@billing/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
    '^@billing/projections(|/.*)$': '<rootDir>/libs/projections/src$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  reporters: ['default', '<rootDir>/test/support/totals-reporter.js'],
  testTimeout: 30000,
};
