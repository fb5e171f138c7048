// Types of the `lightning/*` and `@salesforce/user|community|site|client` modules (@salesforce/lightning-types).
import '@salesforce/lightning-types';
