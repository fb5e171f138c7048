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
      modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
      // Stand-ins for base modules whose sfdx-lwc-jest stubs hide what tests must see: what assistive
      // technology gets from a progress bar, and where a component navigates.
      moduleNameMapper: {
        '^lightning/progressBar$': '<rootDir>/jest-mocks/lwc/lightning/progressBar/progressBar',
        '^lightning/navigation$': '<rootDir>/jest-mocks/lwc/lightning/navigation/navigation'
      },
      // toBeAccessible() from @sa11y/jest, and custom labels with their English values.
      setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest.lwc-setup.js']
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
