import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkCrossReferences, queryReferences, type CliExpectations } from '../cross-reference.ts';
import {
  apexMeta,
  bundleMeta,
  customMetadataType,
  customObject,
  field,
  globalPicklist,
  globalValueSet,
  labels,
  lookup,
  metadata,
  metadataRecord,
  permissionSet,
  picklist,
  sfdxProject
} from './helpers/sfdx-project.ts';

const P = 'objects/Partner_Profile__c';

const CONTROLLER = `public with sharing class PartnerController {
    @AuraEnabled(cacheable=true)
    public static List<Partner_Profile__c> profiles(Decimal minimum) {
        return [
            SELECT Id, Name, Tier__c, Account__r.Name, Owner.Name, toLabel(Partner_Type__c),
                (SELECT Id FROM Partner_Evidence__r)
            FROM Partner_Profile__c
            WHERE Partner_Type__c IN ('ISV', 'Reseller') AND Score__c >= :minimum
                AND Account__c IN (SELECT Id FROM Account WHERE BillingCountry = 'France')
            ORDER BY Name ASC NULLS LAST
            LIMIT 50
        ];
    }

    public static Integer helper() {
        return 1;
    }
}
`;

const COMPONENT = `import { LightningElement, wire } from 'lwc';
import TIER from '@salesforce/schema/Partner_Profile__c.Tier__c';
import ACCOUNT_NAME from '@salesforce/schema/Partner_Profile__c.Account__r.Name';
import HEADING from '@salesforce/label/c.Partner_Tier_Heading';
import profiles from '@salesforce/apex/PartnerController.profiles';

export default class PartnerCard extends LightningElement {
  fields = [TIER, ACCOUNT_NAME];
  heading = HEADING;
  @wire(profiles, { minimum: 0 }) partners;
}
`;

/** A small project where every name resolves. */
const CONSISTENT: Record<string, string> = {
  [`${P}/Partner_Profile__c.object-meta.xml`]: customObject('Partner Profile'),
  [`${P}/fields/Partner_Type__c.field-meta.xml`]: picklist('Partner_Type__c', ['Reseller', 'Service', 'ISV']),
  [`${P}/fields/Tier__c.field-meta.xml`]: globalPicklist('Tier__c', 'Partner_Tier'),
  [`${P}/fields/Account__c.field-meta.xml`]: lookup('Account__c', 'Account', 'Lookup', true),
  [`${P}/fields/Score__c.field-meta.xml`]: field('Score__c', 'Number', '<precision>5</precision><scale>0</scale>'),
  [`${P}/listViews/Isv.listView-meta.xml`]: metadata(
    'ListView',
    '  <fullName>Isv</fullName>\n  <columns>NAME</columns>\n  <columns>Tier__c</columns>\n  <filterScope>Everything</filterScope>\n  <filters><field>Partner_Type__c</field><operation>equals</operation><value>ISV,Reseller</value></filters>\n  <label>ISV</label>'
  ),
  [`${P}/compactLayouts/Card.compactLayout-meta.xml`]: metadata(
    'CompactLayout',
    '  <fields>Name</fields>\n  <fields>Tier__c</fields>\n  <label>Card</label>'
  ),
  [`${P}/validationRules/Score_Positive.validationRule-meta.xml`]: metadata(
    'ValidationRule',
    '  <active>true</active>\n  <errorConditionFormula>Score__c &lt; 0</errorConditionFormula>\n  <errorDisplayField>Score__c</errorDisplayField>\n  <errorMessage>Positive</errorMessage>'
  ),
  'objects/Partner_Evidence__c/Partner_Evidence__c.object-meta.xml': customObject('Evidence', 'AutoNumber'),
  'objects/Partner_Evidence__c/fields/Partner_Profile__c.field-meta.xml': lookup(
    'Partner_Profile__c',
    'Partner_Profile__c',
    'MasterDetail'
  ),
  'globalValueSets/Partner_Tier.globalValueSet-meta.xml': globalValueSet(['Registered', 'Select', 'Elite']),
  'objects/Partner_Tier__mdt/Partner_Tier__mdt.object-meta.xml': customMetadataType('Partner Tier'),
  'objects/Partner_Tier__mdt/fields/Rank__c.field-meta.xml': field('Rank__c', 'Number', '<required>true</required>'),
  'objects/Tier_Criterion__mdt/Tier_Criterion__mdt.object-meta.xml': customMetadataType('Tier Criterion'),
  'objects/Tier_Criterion__mdt/fields/Metric__c.field-meta.xml': field('Metric__c', 'Text', '<length>80</length>'),
  'objects/Tier_Criterion__mdt/fields/Operator__c.field-meta.xml': picklist('Operator__c', ['&gt;=', '&lt;=']),
  'objects/Tier_Criterion__mdt/fields/Active__c.field-meta.xml': field('Active__c', 'Checkbox'),
  'objects/Tier_Criterion__mdt/fields/Tier__c.field-meta.xml': lookup(
    'Tier__c',
    'Partner_Tier__mdt',
    'MetadataRelationship'
  ),
  'customMetadata/Partner_Tier.Elite.md-meta.xml': metadataRecord('Elite', [['Rank__c', '3', 'double']]),
  'customMetadata/Tier_Criterion.Elite_Score.md-meta.xml': metadataRecord('Elite: score', [
    ['Active__c', 'true', 'boolean'],
    ['Metric__c', 'FIELD:Score__c', 'string'],
    ['Operator__c', '&gt;=', 'string'],
    ['Tier__c', 'Elite', 'string']
  ]),
  'labels/CustomLabels.labels-meta.xml': labels(['Partner_Tier_Heading']),
  'classes/PartnerController.cls': CONTROLLER,
  'classes/PartnerController.cls-meta.xml': apexMeta(),
  'classes/PartnerProfileTriggerHandler.cls':
    'public with sharing class PartnerProfileTriggerHandler {\n    public static void run() {\n        return;\n    }\n}\n',
  'classes/PartnerProfileTriggerHandler.cls-meta.xml': apexMeta(),
  'triggers/PartnerProfileTrigger.trigger':
    'trigger PartnerProfileTrigger on Partner_Profile__c (before insert) {\n    PartnerProfileTriggerHandler.run();\n}\n',
  'triggers/PartnerProfileTrigger.trigger-meta.xml': apexMeta('ApexTrigger'),
  'lwc/partnerCard/partnerCard.ts': COMPONENT,
  'lwc/partnerCard/partnerCard.js': COMPONENT,
  'lwc/partnerCard/partnerCard.js-meta.xml': bundleMeta(),
  'lwc/partnerCard/__tests__/partnerCard.test.ts': "import X from '@salesforce/label/c.Only_In_Tests';\n",
  'permissionsets/Partner_Manager.permissionset-meta.xml': permissionSet(
    [
      '  <classAccesses><apexClass>PartnerController</apexClass><enabled>true</enabled></classAccesses>',
      '  <fieldPermissions><editable>true</editable><field>Partner_Profile__c.Tier__c</field><readable>true</readable></fieldPermissions>',
      '  <fieldPermissions><editable>false</editable><field>Partner_Profile__c.Score__c</field><readable>true</readable></fieldPermissions>',
      '  <objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Partner_Profile__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>',
      '  <tabSettings><tab>Partner_Profile__c</tab><visibility>Visible</visibility></tabSettings>',
      '  <tabSettings><tab>standard-Account</tab><visibility>Visible</visibility></tabSettings>'
    ].join('\n')
  ),
  'tabs/Partner_Profile__c.tab-meta.xml': metadata('CustomTab', '  <customObject>true</customObject>'),
  'layouts/Partner_Profile__c-Partner Profile Layout.layout-meta.xml': metadata(
    'Layout',
    '  <layoutSections><layoutColumns><layoutItems><field>Name</field></layoutItems><layoutItems><field>Tier__c</field></layoutItems><layoutItems><field>OwnerId</field></layoutItems></layoutColumns></layoutSections>\n  <relatedLists><relatedList>Partner_Evidence__c.Partner_Profile__c</relatedList></relatedLists>'
  ),
  'flexipages/Partner_Profile_Record_Page.flexipage-meta.xml': metadata(
    'FlexiPage',
    '  <flexiPageRegions><itemInstances><fieldInstance><fieldItem>Record.Tier__c</fieldItem></fieldInstance></itemInstances><itemInstances><componentInstance><componentName>c:partnerCard</componentName></componentInstance></itemInstances><name>main</name></flexiPageRegions>\n  <masterLabel>Page</masterLabel>\n  <sobjectType>Partner_Profile__c</sobjectType>\n  <type>RecordPage</type>'
  ),
  'data/sample/Partner_Profile__c.csv':
    'Id,Name,Account__c,Partner_Type__c,Tier__c,Score__c\na01000000000001AAA,Alpha,001000000000001AAA,ISV,Elite,12\na01000000000002AAA,Beta,001000000000002AAA,Reseller,,3\n',
  'data/sample/Account.csv': 'Id,Name,BillingCountry\n001000000000001AAA,Alpha,France\n'
};

/** The CLI of the fixture: reads a few columns, writes two, stores one metric. */
const CLI: CliExpectations = {
  snapshotFiles: {
    Account: { Id: { type: 'text' }, Name: { type: 'text' }, BillingCountry: { type: 'text' } },
    Partner_Profile__c: {
      Id: { type: 'text' },
      Name: { type: 'text' },
      Account__c: { type: 'text' },
      Partner_Type__c: { type: 'text' },
      Tier__c: { type: 'text' }
    }
  },
  writtenColumns: { Partner_Profile__c: ['Id', 'Tier__c'] },
  upsertKeys: {},
  metricFields: { object: 'Partner_Profile__c', fields: ['Score__c'] }
};

function check(changes: Record<string, string | null> = {}, cli: CliExpectations = CLI) {
  const root = sfdxProject({ ...CONSISTENT, ...changes });
  return { root, result: checkCrossReferences(root, { cli }) };
}

const replaceIn = (name: string, from: string, to: string) => ({
  [name]: CONSISTENT[name].replace(from, () => to)
});

describe('cross-reference check', () => {
  it('passes on a small consistent project', () => {
    const { result } = check();
    expect(result.problems).toEqual([]);
    expect(result.checked).toBeGreaterThan(50);
  });

  it('fails on a permission set naming an unknown field', () => {
    const { result } = check(
      replaceIn(
        'permissionsets/Partner_Manager.permissionset-meta.xml',
        'Partner_Profile__c.Score__c',
        'Partner_Profile__c.Bogus__c'
      )
    );
    expect(result.problems).toEqual([
      'force-app/main/default/permissionsets/Partner_Manager.permissionset-meta.xml: fieldPermissions: unknown field Partner_Profile__c.Bogus__c'
    ]);
  });

  it('fails on a sample CSV header that names no field', () => {
    const { result } = check(replaceIn('data/sample/Partner_Profile__c.csv', 'Score__c', 'Bogus__c'));
    expect(result.problems).toEqual([
      'data/sample/Partner_Profile__c.csv: column Bogus__c: unknown field Partner_Profile__c.Bogus__c'
    ]);
  });

  it('fails on a picklist value the field does not have, naming file, row and column', () => {
    const { result } = check(replaceIn('data/sample/Partner_Profile__c.csv', 'Reseller', 'Distributor'));
    expect(result.problems).toEqual([
      "data/sample/Partner_Profile__c.csv: row 2 (line 3), column Partner_Type__c: 'Distributor' is not a value of Partner_Profile__c.Partner_Type__c (Reseller, Service, ISV)"
    ]);
  });

  it('checks values of a global value set, and lists at most five bad values per column', () => {
    const rows = Array.from({ length: 8 }, (_, n) => `a0100000000000${n}AAA,P${n},001000000000001AAA,ISV,Gold,1`);
    const { result } = check({
      'data/sample/Partner_Profile__c.csv': `Id,Name,Account__c,Partner_Type__c,Tier__c,Score__c\n${rows.join('\n')}\n`
    });
    expect(result.problems).toHaveLength(6);
    expect(result.problems[0]).toBe(
      "data/sample/Partner_Profile__c.csv: row 1 (line 2), column Tier__c: 'Gold' is not a value of Partner_Profile__c.Tier__c (Registered, Select, Elite)"
    );
    expect(result.problems[5]).toBe(
      'data/sample/Partner_Profile__c.csv: column Tier__c: 3 more values not in Partner_Profile__c.Tier__c'
    );
  });

  it('fails on a component importing an unknown label, field or Apex method', () => {
    const broken = COMPONENT.replace('c.Partner_Tier_Heading', 'c.No_Such_Label')
      .replace('Account__r.Name', 'Account__r.Nickname')
      .replace('PartnerController.profiles', 'PartnerController.helper');
    const { result } = check({ 'lwc/partnerCard/partnerCard.ts': broken });
    const file = 'force-app/main/default/lwc/partnerCard/partnerCard.ts';
    expect(result.problems).toEqual([
      `${file}:3: unknown field Account.Nickname (neither in force-app nor in the standard field allowlist, scripts/verify/standard-schema.ts)`,
      `${file}:4: unknown custom label No_Such_Label (labels/CustomLabels.labels-meta.xml)`,
      `${file}:5: PartnerController.helper is not @AuraEnabled`
    ]);
  });

  it('checks the compiled .js of a bundle without TypeScript source', () => {
    const { result } = check({
      'lwc/partnerCard/partnerCard.ts': null,
      'lwc/partnerCard/partnerCard.js': COMPONENT.replace('Tier__c', 'Tier_Name__c')
    });
    expect(result.problems).toEqual([
      'force-app/main/default/lwc/partnerCard/partnerCard.js:2: unknown field Partner_Profile__c.Tier_Name__c'
    ]);
  });

  it('fails on static SOQL naming unknown fields or objects, which the Apex language server does not check', () => {
    const broken = CONTROLLER.replace('Owner.Name,', 'Owner.Nickname__c,')
      .replace('Score__c >=', 'Scor__c >=')
      .replace("BillingCountry = 'France'", "Billing_Region__c = 'EU'")
      .replace('ORDER BY Name', 'ORDER BY Rank__c');
    const { result } = check({ 'classes/PartnerController.cls': broken });
    const file = 'force-app/main/default/classes/PartnerController.cls';
    expect(result.problems).toEqual([
      `${file}:4: unknown field User.Nickname__c (neither in force-app nor in the standard field allowlist, scripts/verify/standard-schema.ts)`,
      `${file}:4: unknown field Partner_Profile__c.Scor__c`,
      `${file}:4: unknown field Partner_Profile__c.Rank__c`,
      `${file}:4: unknown field Account.Billing_Region__c (neither in force-app nor in the standard field allowlist, scripts/verify/standard-schema.ts)`
    ]);
  });

  it('fails on a trigger whose handler class does not exist', () => {
    const { result } = check({ 'classes/PartnerProfileTriggerHandler.cls': null });
    expect(result.problems).toEqual([
      'force-app/main/default/triggers/PartnerProfileTrigger.trigger:2: unknown handler class PartnerProfileTriggerHandler'
    ]);
  });

  it('fails on custom metadata records with unknown fields, bad values and missing related records', () => {
    const { result } = check({
      'customMetadata/Tier_Criterion.Elite_Score.md-meta.xml': metadataRecord('Elite: score', [
        ['Active__c', 'yes', 'string'],
        ['Metric__c', 'FIELD:Score__c', 'string'],
        ['Operator__c', '=', 'string'],
        ['Tier__c', 'Platinum', 'string'],
        ['Weight__c', '2', 'double']
      ]),
      'customMetadata/Partner_Tier.Elite.md-meta.xml': metadataRecord('Elite', [['Rank__c', null, 'double']])
    });
    const dir = 'force-app/main/default/customMetadata';
    expect(result.problems).toEqual([
      `${dir}/Partner_Tier.Elite.md-meta.xml: required field Rank__c has no value`,
      `${dir}/Tier_Criterion.Elite_Score.md-meta.xml: Active__c: Active__c = 'yes' is not true or false`,
      `${dir}/Tier_Criterion.Elite_Score.md-meta.xml: Operator__c: Operator__c = '=' is not a value of Tier_Criterion__mdt.Operator__c (>=, <=)`,
      `${dir}/Tier_Criterion.Elite_Score.md-meta.xml: Tier__c: Tier__c = 'Platinum' names no Partner_Tier__mdt record (customMetadata/Partner_Tier.Platinum.md-meta.xml)`,
      `${dir}/Tier_Criterion.Elite_Score.md-meta.xml: unknown field Tier_Criterion__mdt.Weight__c`
    ]);
  });

  it('fails on permission set entries a deploy rejects', () => {
    const name = 'permissionsets/Partner_Manager.permissionset-meta.xml';
    const { result } = check({
      [name]: CONSISTENT[name]
        .replace('<apexClass>PartnerController', '<apexClass>PartnerCtrl')
        .replace('Partner_Profile__c.Tier__c', 'Partner_Profile__c.Account__c')
        .replace('<tab>Partner_Profile__c', '<tab>Partner_Evidence__c')
        .replace('<allowRead>true</allowRead>', '<allowRead>false</allowRead>')
    });
    const file = `force-app/main/default/${name}`;
    expect(result.problems).toEqual([
      `${file}: objectPermissions Partner_Profile__c: allowEdit needs allowRead`,
      `${file}: fieldPermissions: Partner_Profile__c.Account__c is required; its access cannot be set in a permission set`,
      `${file}: classAccesses: unknown Apex class PartnerCtrl`,
      `${file}: tabSettings: no tab Partner_Evidence__c in tabs/`
    ]);
  });

  it('fails on layouts, list views, compact layouts, flexipages and validation rules naming unknown fields', () => {
    const { result } = check({
      ...replaceIn(
        'layouts/Partner_Profile__c-Partner Profile Layout.layout-meta.xml',
        '<field>Tier__c',
        '<field>Level__c'
      ),
      ...replaceIn(`${P}/listViews/Isv.listView-meta.xml`, 'ISV,Reseller', 'ISV,Distributor'),
      ...replaceIn(`${P}/compactLayouts/Card.compactLayout-meta.xml`, '<fields>Name', '<fields>Title__c'),
      ...replaceIn('flexipages/Partner_Profile_Record_Page.flexipage-meta.xml', 'c:partnerCard', 'c:partnerBadge'),
      ...replaceIn(
        `${P}/validationRules/Score_Positive.validationRule-meta.xml`,
        '<errorDisplayField>Score__c',
        '<errorDisplayField>Points__c'
      )
    });
    const source = 'force-app/main/default';
    expect(result.problems).toEqual([
      `${source}/layouts/Partner_Profile__c-Partner Profile Layout.layout-meta.xml: layoutItems: unknown field Partner_Profile__c.Level__c`,
      `${source}/${P}/listViews/Isv.listView-meta.xml: filters: 'Distributor' is not a value of Partner_Profile__c.Partner_Type__c (Reseller, Service, ISV)`,
      `${source}/${P}/compactLayouts/Card.compactLayout-meta.xml: fields: unknown field Partner_Profile__c.Title__c`,
      `${source}/flexipages/Partner_Profile_Record_Page.flexipage-meta.xml: componentName c:partnerBadge: no lwc/partnerBadge bundle`,
      `${source}/${P}/validationRules/Score_Positive.validationRule-meta.xml: errorDisplayField: unknown field Partner_Profile__c.Points__c`
    ]);
  });

  it('fails when the CLI reads a column of the wrong type, writes a formula or stores a metric in a text field', () => {
    const { result } = check(
      {
        [`${P}/fields/Score__c.field-meta.xml`]: field('Score__c', 'Text', '<length>10</length>'),
        [`${P}/fields/Level__c.field-meta.xml`]: field('Level__c', 'Number', '<formula>1</formula>')
      },
      {
        ...CLI,
        snapshotFiles: { Partner_Profile__c: { ...CLI.snapshotFiles.Partner_Profile__c, Tier__c: { type: 'number' } } },
        writtenColumns: { Partner_Profile__c: ['Id', 'Level__c'] },
        upsertKeys: { Partner_Profile__c: 'Tier__c' }
      }
    );
    expect(result.problems).toEqual([
      'scripts/lib/snapshot/schema.ts: SNAPSHOT_FILES.Partner_Profile__c: Partner_Profile__c.Tier__c is Picklist, the CLI reads it as number (Number, Currency, Percent, Summary)',
      'scripts/lib/report/write-back-plan.ts: Partner_Profile__c.Level__c is read-only (Number), the write-back plan writes it',
      'scripts/lib/report/write-back-plan.ts: Partner_Profile__c.Tier__c is the upsert key but not an External ID (<externalId>true</externalId>)',
      'force-app/main/default/lwc/tierEngine/tierEngine.ts: METRICS: Partner_Profile__c.Score__c is Text, not a number',
      'force-app/main/default/customMetadata/Tier_Criterion.Elite_Score.md-meta.xml: Metric__c FIELD:Score__c: Partner_Profile__c.Score__c is Text, not a number',
      'data/sample/Partner_Profile__c.csv: column Score__c: FIELD: columns must be numeric, Partner_Profile__c.Score__c is Text'
    ]);
  });

  it('fails on fields of an object without object file, unknown lookup targets and unknown field types', () => {
    const { result } = check({
      'objects/Partner_Play__c/fields/Goal__c.field-meta.xml': field('Goal__c', 'Text'),
      [`${P}/fields/Campaign__c.field-meta.xml`]: lookup('Campaign__c', 'Campaign_Plan__c'),
      [`${P}/fields/Rating__c.field-meta.xml`]: field('Rating__c', 'Stars')
    });
    expect(result.problems).toEqual([
      'force-app/main/default/objects/Partner_Play__c/fields: fields of Partner_Play__c, which has no Partner_Play__c.object-meta.xml',
      `force-app/main/default/${P}/fields/Rating__c.field-meta.xml: unknown field type Stars`,
      `force-app/main/default/${P}/fields/Campaign__c.field-meta.xml: referenceTo: unknown object Campaign_Plan__c`
    ]);
  });

  it('knows the sharing table of a private object and the record type field once record types exist', () => {
    const sharing = `public with sharing class Sharing {
    public static List<SObject> rows() {
        return [SELECT Id, UserOrGroupId, Parent.Name, RecordType.DeveloperName FROM Partner_Profile__Share WHERE RowCause = 'Manual'];
    }
    public static List<Partner_Profile__c> typed() {
        return [SELECT Id, RecordType.DeveloperName FROM Partner_Profile__c];
    }
}
`;
    const recordType = metadata('RecordType', '  <active>true</active>\n  <label>Reseller</label>');
    const shared = check({ 'classes/Sharing.cls': sharing });
    expect(shared.result.problems).toEqual([
      'force-app/main/default/classes/Sharing.cls:3: unknown object in SOQL FROM Partner_Profile__Share',
      'force-app/main/default/classes/Sharing.cls:6: unknown relationship Partner_Profile__c.RecordType'
    ]);
    const { result } = check({
      'classes/Sharing.cls': sharing.replace('Parent.Name, RecordType.DeveloperName', 'Parent.Name'),
      [`${P}/Partner_Profile__c.object-meta.xml`]: customObject('Partner Profile', 'Text', 'Private'),
      [`${P}/recordTypes/Reseller.recordType-meta.xml`]: recordType
    });
    expect(result.problems).toEqual([]);
  });

  it('reads the objects, fields and values a SOQL query names', () => {
    expect(
      queryReferences(
        "SELECT COUNT(Id) total, MAX(CloseDate) FROM Opportunity WHERE (IsWon = true OR Name LIKE '%a = b%') AND Amount > :limits.min GROUP BY StageName"
      )
    ).toEqual({
      object: 'Opportunity',
      fields: ['Id', 'CloseDate', 'IsWon', 'Name', 'Amount', 'StageName'],
      semiJoins: []
    });
    expect(queryReferences('SELECT TYPEOF What WHEN Account THEN Name END FROM Task')).toBeNull();
  });

  it('returns a result on this project (pass or fail is enforced by npm run verify)', () => {
    const result = checkCrossReferences(path.resolve('.'));
    expect(result).toEqual({ name: expect.any(String), checked: expect.any(Number), problems: expect.any(Array) });
    expect(result.checked).toBeGreaterThan(0);
  });

  it('checks the MDF files of the sample: headers, picklist values, the Campaign standard fields', () => {
    const sampleDir = mkdtempSync(path.join(tmpdir(), 'pp-xref-mdf-'));
    for (const name of ['MDF_Budget__c.csv', 'MDF_Request__c.csv', 'MDF_Claim__c.csv', 'Campaign.csv'])
      copyFileSync(path.join('data', 'sample', name), path.join(sampleDir, name));
    expect(checkCrossReferences(path.resolve('.'), { sampleDir }).problems).toEqual([]);
    const edit = (name: string, from: string, to: string) =>
      writeFileSync(path.join(sampleDir, name), readFileSync(path.join(sampleDir, name), 'utf8').replace(from, to));
    edit('MDF_Budget__c.csv', ',DACH,', ',Germany,');
    edit('MDF_Claim__c.csv', ',Paid,', ',Settled,');
    edit('Campaign.csv', 'AmountWonOpportunities', 'AmountWon');
    const problems = checkCrossReferences(path.resolve('.'), { sampleDir }).problems.map((problem) =>
      problem.replace(sampleDir, '<sample>')
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /MDF_Budget__c\.csv: row \d+ \(line \d+\), column Region__c: 'Germany' is not a value of MDF_Budget__c\.Region__c/
        ),
        expect.stringMatching(
          /MDF_Claim__c\.csv: row 1 \(line 2\), column Status__c: 'Settled' is not a value of MDF_Claim__c\.Status__c/
        ),
        expect.stringMatching(/Campaign\.csv: column AmountWon: unknown field Campaign\.AmountWon/)
      ])
    );
  });
});
