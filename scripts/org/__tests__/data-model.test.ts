import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readDataModel } from '../lib/data-model.ts';
import { readSnapshotTables } from '../lib/snapshot-tables.ts';
import { snapshotToTree, type TreeConversion } from '../lib/tree-plan.ts';
import { PLAN_FILE, writeTreeFiles } from '../lib/write-tree.ts';

const XML = '<?xml version="1.0" encoding="UTF-8" ?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${XML}\n${text}\n`);
}

function field(body: string): string {
  return `<CustomField ${NS}>${body}</CustomField>`;
}

describe('readDataModel', () => {
  let source: string;

  beforeAll(() => {
    source = mkdtempSync(path.join(os.tmpdir(), 'data-model-'));
    const fields = path.join(source, 'objects', 'Thing__c', 'fields');
    write(
      path.join(source, 'objects', 'Thing__c', 'Thing__c.object-meta.xml'),
      `<CustomObject ${NS}><nameField><label>Thing</label><type>AutoNumber</type></nameField></CustomObject>`
    );
    write(path.join(fields, 'Parent__c.field-meta.xml'), field('<type>MasterDetail</type>'));
    write(path.join(fields, 'Note__c.field-meta.xml'), field('<type>Text</type><required>true</required>'));
    write(path.join(fields, 'Score__c.field-meta.xml'), field('<type>Number</type><formula>1 + 1</formula>'));
    write(path.join(fields, 'Total__c.field-meta.xml'), field('<type>Summary</type>'));
    write(
      path.join(fields, 'Cadence__c.field-meta.xml'),
      field(
        '<type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition>' +
          '<value><fullName>Monthly</fullName></value><value><fullName>Time &amp; Materials</fullName></value>' +
          '</valueSetDefinition></valueSet>'
      )
    );
    write(
      path.join(fields, 'Open__c.field-meta.xml'),
      field(
        '<type>Picklist</type><valueSet><valueSetDefinition><value><fullName>A</fullName></value></valueSetDefinition></valueSet>'
      )
    );
    write(
      path.join(fields, 'Tier__c.field-meta.xml'),
      field('<type>Picklist</type><valueSet><valueSetName>Tier</valueSetName></valueSet>')
    );
    write(
      path.join(fields, 'Level__c.field-meta.xml'),
      field('<type>Picklist</type><valueSet><valueSetName>Missing_Set</valueSetName></valueSet>')
    );
    write(
      path.join(source, 'globalValueSets', 'Tier.globalValueSet-meta.xml'),
      `<GlobalValueSet ${NS}><customValue><fullName>Registered</fullName></customValue><customValue><fullName>Elite</fullName></customValue></GlobalValueSet>`
    );
    write(
      path.join(source, 'objects', 'Opportunity', 'fields', 'Deal_Registered__c.field-meta.xml'),
      field('<type>Checkbox</type>')
    );
    mkdirSync(path.join(source, 'objects', 'Setting__mdt', 'fields'), { recursive: true });
  });

  afterAll(() => rmSync(source, { recursive: true, force: true }));

  it('reads types, writability, required fields and restricted values', () => {
    const model = readDataModel(source);
    expect([...model.keys()].sort()).toEqual(['Opportunity', 'Thing__c']);
    const thing = model.get('Thing__c')!;
    expect(thing.nameFieldType).toBe('AutoNumber');
    expect(Object.fromEntries(thing.fields)).toEqual({
      Cadence__c: {
        type: 'Picklist',
        writable: true,
        required: false,
        restrictedValues: ['Monthly', 'Time & Materials']
      },
      Level__c: { type: 'Picklist', writable: true, required: false, restrictedValues: null },
      Note__c: { type: 'Text', writable: true, required: true, restrictedValues: null },
      Open__c: { type: 'Picklist', writable: true, required: false, restrictedValues: null },
      Parent__c: { type: 'MasterDetail', writable: true, required: true, restrictedValues: null },
      Score__c: { type: 'Number', writable: false, required: false, restrictedValues: null },
      Tier__c: { type: 'Picklist', writable: true, required: false, restrictedValues: ['Registered', 'Elite'] },
      Total__c: { type: 'Summary', writable: false, required: false, restrictedValues: null }
    });
    expect(model.get('Opportunity')!.nameFieldType).toBeNull();
  });

  it('is empty for a folder without objects', () => {
    expect(readDataModel(path.join(source, 'nothing-here')).size).toBe(0);
  });
});

describe('writeTreeFiles', () => {
  let conversion: TreeConversion;
  let dir: string;

  beforeAll(async () => {
    conversion = snapshotToTree(await readSnapshotTables('data/sample'), { userId: '005000000000001AAA' });
  });
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tree-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the plan, one JSON file per planned file, the currencies and the rates', () => {
    const out = path.join(dir, 'out');
    const plan = writeTreeFiles(conversion, out);
    expect(plan).toBe(path.join(out, PLAN_FILE));
    const written = JSON.parse(readFileSync(plan, 'utf8')) as { sobject: string; files: string[] }[];
    expect(written).toEqual(conversion.plan);
    for (const entry of written) {
      for (const name of entry.files) {
        const { records } = JSON.parse(readFileSync(path.join(out, name), 'utf8')) as { records: unknown[] };
        expect(records).toEqual(conversion.files.find((file) => file.name === name)!.records);
      }
    }
    const currencies = JSON.parse(readFileSync(path.join(out, 'currencies.json'), 'utf8')) as {
      corporateCurrency: string;
      datedRates: unknown[];
    };
    expect(currencies.corporateCurrency).toBe('USD');
    expect(currencies.datedRates).toHaveLength(30);
    const csv = readFileSync(path.join(out, 'DatedConversionRate.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('IsoCode,ConversionRate,StartDate');
    expect(csv[1]).toBe('CAD,1.3651,2024-07-01');
    expect(csv).toHaveLength(31);
  });

  it('replaces an earlier output but refuses a folder of other files', () => {
    writeTreeFiles(conversion, dir);
    writeFileSync(path.join(dir, 'Opportunity-99.json'), '{}');
    writeTreeFiles(conversion, dir);
    expect(() => readFileSync(path.join(dir, 'Opportunity-99.json'))).toThrow();

    const other = mkdtempSync(path.join(os.tmpdir(), 'tree-other-'));
    writeFileSync(path.join(other, 'notes.txt'), 'mine');
    try {
      expect(() => writeTreeFiles(conversion, other)).toThrow(/is not empty/);
      expect(readFileSync(path.join(other, 'notes.txt'), 'utf8')).toBe('mine');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
