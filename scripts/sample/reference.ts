/*
 * Fixed reference data of the sample: dated conversion rates, people and customer names,
 * certification names and evidence wording. Everything here is invented.
 */
import type { PartnerType } from './scenarios.ts';

export type ForeignCurrency = 'EUR' | 'GBP' | 'CAD';

/**
 * Quarterly dated conversion rates (units of the currency per 1 USD). Each period runs from its
 * start to the next period's start; the last one is open-ended (NextStartDate 9999-12-31).
 * The golden file converts by hand with exactly these rates, so change them only together.
 */
export const RATE_PERIODS: { start: string; EUR: string; GBP: string; CAD: string }[] = [
  { start: '2024-07-01', EUR: '0.9215', GBP: '0.7838', CAD: '1.3651' },
  { start: '2024-10-01', EUR: '0.9342', GBP: '0.7721', CAD: '1.3804' },
  { start: '2025-01-01', EUR: '0.9587', GBP: '0.8012', CAD: '1.4355' },
  { start: '2025-04-01', EUR: '0.8893', GBP: '0.7534', CAD: '1.3876' },
  { start: '2025-07-01', EUR: '0.8612', GBP: '0.7398', CAD: '1.3705' },
  { start: '2025-10-01', EUR: '0.9184', GBP: '0.7893', CAD: '1.3642' },
  { start: '2026-01-01', EUR: '0.9236', GBP: '0.7951', CAD: '1.3718' },
  { start: '2026-04-01', EUR: '0.9107', GBP: '0.7862', CAD: '1.3587' },
  { start: '2026-07-01', EUR: '0.9042', GBP: '0.7815', CAD: '1.3529' },
  { start: '2026-10-01', EUR: '0.8987', GBP: '0.7789', CAD: '1.3492' }
];
export const OPEN_END_DATE = '9999-12-31';

export const FIRST_NAMES = [
  'Amara',
  'Bastian',
  'Camille',
  'Dario',
  'Elif',
  'Farah',
  'Gideon',
  'Hana',
  'Ivo',
  'Jolene',
  'Kofi',
  'Lucia',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Soren',
  'Talia',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Anders',
  'Beatriz',
  'Callum',
  'Daphne',
  'Emeka',
  'Freya',
  'Hugo',
  'Ingrid',
  'Jonah',
  'Keiko',
  'Leon',
  'Maren',
  'Nikhil',
  'Orla'
];

export const LAST_NAMES = [
  'Abernathy',
  'Bergström',
  'Castellano',
  'Delacroix',
  'Eriksen',
  'Fairweather',
  'Gallagher',
  'Haddad',
  'Iwasaki',
  'Jankowski',
  'Kowalczyk',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  "O'Donnell",
  'Petrov',
  'Quintero',
  'Rasmussen',
  'Sandoval',
  'Thorne',
  'Underwood',
  'Vasquez',
  'Whitfield',
  'Yilmaz',
  'Zimmermann',
  'Achebe',
  'Brennan',
  'Chaudhry',
  'Dunmore',
  'Okafor'
];

/** End customers named in opportunity names (invented). */
export const CUSTOMERS = [
  'Kestrel Freight',
  'Alder & Finch Insurance',
  'Bluefen Health Network',
  'Carrow Municipal Utilities',
  'Dunlin Outdoor Retail',
  'Everglow Energy Co-op',
  'Fairhaven Credit Union',
  'Greywell Manufacturing',
  'Hollowmere Hotels',
  'Inkwell Publishing House',
  'Juniper Point Logistics',
  'Kilnworth Ceramics',
  'Larchmont School District',
  'Millbrook Dairy Cooperative',
  'Nettlefield Pharma',
  'Oakhurst Property Group',
  'Pellham Aerospace Parts',
  'Quayside Marine Services',
  'Rookwood Legal LLP',
  'Saffron Table Restaurants',
  'Thornbury Wealth Advisors',
  'Upland Water Authority',
  'Verdant Grocers',
  'Westmarch Telecom',
  'Yarrow Biotech',
  'Zephyr Airlines Cargo',
  'Ashcombe Motors',
  'Birchgate Realty',
  'Copperfield Mining',
  'Driftstone Insurance'
];

export const PRODUCTS = [
  'Sales Cloud rollout',
  'Service Cloud expansion',
  'CPQ implementation',
  'Field Service pilot',
  'Experience Cloud portal',
  'Data Cloud foundation',
  'Marketing Cloud onboarding',
  'Platform licences',
  'Agent console upgrade',
  'Contact centre migration',
  'Partner portal build',
  'Analytics add-on',
  'Integration bundle',
  'Org consolidation'
];

export const NEXT_STEPS = [
  'Send revised quote',
  'Schedule technical validation',
  'Confirm budget with CFO',
  'Security review call on Thursday',
  'Prepare order form',
  'Demo for operations team',
  'Align on implementation timeline',
  'Legal redlines due next week',
  'Executive sponsor meeting',
  'Finalise pilot scope'
];

export const OPEN_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review'
];

export const CERTIFICATIONS: Record<PartnerType, string[]> = {
  Reseller: [
    'Platform Administrator',
    'Sales Cloud Consultant',
    'Sales Representative',
    'CPQ Specialist',
    'Platform App Builder'
  ],
  Service: [
    'Sales Cloud Consultant',
    'Service Cloud Consultant',
    'Experience Cloud Consultant',
    'Field Service Consultant',
    'Platform Administrator',
    'Data Cloud Consultant'
  ],
  ISV: [
    'Platform Developer I',
    'Platform Developer II',
    'Integration Architect',
    'Application Architect',
    'Platform App Builder',
    'Agentforce Specialist'
  ]
};

/** Evidence types that are neither integrations nor SOW/playbooks (they only make evidence recent). */
export const PROOF_TYPES = [
  'Case Study',
  'Reference Customer',
  'Marketplace Listing',
  'Co-Marketing Asset',
  'Hands-on Test',
  'Certification ID'
];

export const EVIDENCE_TITLES: Record<string, string[]> = {
  'Case Study': ['Case study: {customer} goes live in 10 weeks', 'Case study: {customer} cuts handling time by 30 %'],
  'Reference Customer': ['Reference call: {customer}', 'Referenceable customer: {customer}'],
  'Marketplace Listing': ['Marketplace listing refreshed', 'Marketplace listing with customer reviews'],
  'Co-Marketing Asset': ['Joint webinar with {customer}', 'Co-branded solution brief'],
  'Hands-on Test': ['Hands-on lab completed', 'Solution hands-on test passed'],
  'Certification ID': ['Certification roster export', 'Verified credential list'],
  'Validated Integration': ['Validated integration: connector v{n}', 'Validated integration: event sync v{n}'],
  SOW: ['Signed SOW: {customer} implementation', 'Signed SOW: {customer} phase {n}'],
  Playbook: ['Delivery playbook v{n}', 'Go-live playbook v{n}']
};

/** Ids are issued from these fixed counts of users (partner managers and sales reps). */
export const PARTNER_MANAGER_COUNT = 6;
export const SALES_REP_COUNT = 14;
