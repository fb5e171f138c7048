// The toBeAccessible() matcher of @sa11y/jest (registered in jest.lwc-setup.js) for the component tests.
import '@sa11y/jest';
