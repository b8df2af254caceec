// Tests run against real servers (Postgres, an S3-compatible server, a GitHub API stand-in) started by the suite.
export default {
  clearMocks: true,
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  preset: 'ts-jest',
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  testMatch: ['**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/dist/', '/node_modules/', '/build/'],
  globalSetup: './__fixtures__/global-setup.mjs',
  globalTeardown: './__fixtures__/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true, diagnostics: false }]
  }
}
