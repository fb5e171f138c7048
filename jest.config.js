// Two projects: Lightning components (jsdom, sfdx-lwc-jest) and the admin CLI (node).
// Both transform TypeScript with the LWC Jest transformer (Babel's TypeScript preset).
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
      transform: jestConfig.transform
    }
  ],
  collectCoverageFrom: ['force-app/main/default/lwc/**/*.ts', 'scripts/**/*.ts', '!**/__tests__/**']
};
