// Two projects: Lightning components (jsdom, sfdx-lwc-jest) and the admin CLI (node).
// Components use the LWC Jest transformer; the CLI uses plain Babel (TypeScript preset + CommonJS),
// because the LWC transformer registers every class as a component.
import lwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = lwcJest;

export default {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      moduleFileExtensions: ['ts', 'js', 'html', 'json'],
      testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.ts'],
      modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
    },
    {
      displayName: 'cli',
      testEnvironment: 'node',
      moduleFileExtensions: ['ts', 'js', 'json'],
      testMatch: ['<rootDir>/scripts/**/__tests__/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': [
          'babel-jest',
          {
            babelrc: false,
            configFile: false,
            presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
            plugins: ['@babel/plugin-transform-modules-commonjs']
          }
        ]
      }
    }
  ],
  collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', 'scripts/**/*.ts', '!**/__tests__/**']
};
