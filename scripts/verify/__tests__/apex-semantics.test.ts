import { checkApexSemantics } from '../apex-semantics.ts';
import { apexMeta, customObject, field, sfdxProject } from './helpers/sfdx-project.ts';

const profile = {
  'objects/Partner_Profile__c/Partner_Profile__c.object-meta.xml': customObject('Partner Profile'),
  'objects/Partner_Profile__c/fields/Tier__c.field-meta.xml': field('Tier__c', 'Text', '\n  <length>40</length>')
};

const tierOf = (fieldName: string) => `public with sharing class TierReader {
    public static String tierOf(Partner_Profile__c profile) {
        return profile.${fieldName};
    }
}
`;

describe('Apex semantic check (Apex language server)', () => {
  it('passes on a project without Apex, with nothing checked', async () => {
    const result = await checkApexSemantics(sfdxProject(profile));
    expect(result).toMatchObject({ checked: 0, problems: [] });
  }, 60_000);

  it('passes on a class that uses the fields the project defines', async () => {
    const root = sfdxProject({
      ...profile,
      'classes/TierReader.cls': tierOf('Tier__c'),
      'classes/TierReader.cls-meta.xml': apexMeta()
    });
    expect(await checkApexSemantics(root)).toMatchObject({ checked: 1, problems: [] });
  }, 60_000);

  it('fails on an unknown field and on a syntax error, naming file and line', async () => {
    const root = sfdxProject({
      ...profile,
      'classes/TierReader.cls': tierOf('No_Such_Field__c'),
      'classes/TierReader.cls-meta.xml': apexMeta(),
      'classes/Broken.cls': 'public with sharing class Broken {\n    public void run( { }\n}\n',
      'classes/Broken.cls-meta.xml': apexMeta()
    });
    const result = await checkApexSemantics(root);
    expect(result.checked).toBe(2);
    expect(result.problems).toEqual([
      expect.stringMatching(/^force-app\/main\/default\/classes\/Broken\.cls:2:\d+: Syntax: /),
      expect.stringMatching(
        /^force-app\/main\/default\/classes\/TierReader\.cls:3:\d+: Missing: Unknown field 'No_Such_Field__c' on SObject 'Schema\.Partner_Profile__c'/
      )
    ]);
  }, 60_000);

  it('fails, never skips, when java is missing', async () => {
    const result = await checkApexSemantics(sfdxProject(profile), { javaCommand: '/nonexistent/java' });
    expect(result.problems).toEqual([expect.stringContaining('java was not found (/nonexistent/java)')]);
  });
});
