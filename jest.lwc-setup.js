/*
 * Setup of the component tests (jest project "lwc"):
 * - registers @sa11y/jest's toBeAccessible() matcher;
 * - `@salesforce/community/Id` is undefined, as in Lightning Experience (a test file can mock it to
 *   emulate an Experience Cloud site);
 * - makes every `@salesforce/label/c.<Name>` import give the label's English value from
 *   force-app/main/default/labels/CustomLabels.labels-meta.xml, as the platform does for an English
 *   user (sfdx-lwc-jest alone gives the string "c.<Name>"), so tests see real text with its
 *   placeholders filled in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setup } from '@sa11y/jest';

setup();

jest.doMock('@salesforce/community/Id', () => ({ __esModule: true, default: undefined }), { virtual: true });

const LABELS_FILE = path.join(__dirname, 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text) => text.replace(/&(amp|lt|gt|quot|apos);/g, (entity, name) => ENTITIES[name]);

for (const [, block] of readFileSync(LABELS_FILE, 'utf8').matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
  const name = /<fullName>([^<]+)<\/fullName>/.exec(block)?.[1];
  const value = /<value\s*>([\s\S]*?)<\/value>/.exec(block)?.[1];
  if (name && value !== undefined) {
    const text = decode(value);
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: text }), { virtual: true });
  }
}
