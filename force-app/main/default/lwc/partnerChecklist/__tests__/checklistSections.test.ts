/*
 * The checklist's sections (checklistSections.ts) against the schema and the controller: every item
 * names a Partner_Profile__c field the controller reports, or evidence types of the Type__c picklist.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checklistSections } from '../checklistSections';

const SOURCE = path.resolve(__dirname, '../../..');

describe('c-partner-checklist sections', () => {
  it('asks for fields that exist on Partner_Profile__c and evidence types of the Type__c picklist', () => {
    const evidenceTypes = readFileSync(
      path.join(SOURCE, 'objects/Partner_Evidence__c/fields/Type__c.field-meta.xml'),
      'utf8'
    );
    const apex = readFileSync(path.join(SOURCE, 'classes/PartnerChecklistController.cls'), 'utf8');
    const apexFields = Array.from(apex.matchAll(/^\s+Partner_Profile__c\.(\w+__c),?$/gm), (match) => match[1]);
    const fields: string[] = [];
    for (const section of checklistSections()) {
      for (const item of section.items) {
        if (item.kind === 'field') fields.push(item.field);
        if (item.kind === 'evidence')
          for (const type of item.types) expect(evidenceTypes).toContain(`<fullName>${type}</fullName>`);
      }
    }
    // The controller reports exactly the fields the sections ask for, in the same order.
    expect(apexFields).toEqual(fields);
  });
});
