/*
 * The program read from the org (custom metadata through REST SOQL) passes the same validation as
 * the files in force-app and gives the same program; written into a run folder as .md-meta.xml it
 * loads again through --criteria.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeSession } from '../../../fake-salesforce/fake-session.ts';
import { seedProgram } from '../../../fake-salesforce/seed.ts';
import { startFakeSalesforce, type FakeSalesforce } from '../../../fake-salesforce/server.ts';
import { loadProgram, programHash } from '../../program/load-program.ts';
import { deployedCustomMetadataDir } from '../../project.ts';
import { SalesforceClient } from '../http.ts';
import { writeMetadataRecords } from '../metadata-xml.ts';
import { programQuery, readProgramFromOrg } from '../program-from-org.ts';

describe('the program from the org', () => {
  let fake: FakeSalesforce;
  let client: SalesforceClient;
  beforeEach(async () => {
    fake = await startFakeSalesforce();
    await seedProgram(fake.org);
    client = new SalesforceClient(fakeSession(fake));
  });
  afterEach(() => fake.close());

  it('queries every field the loader validates, relationship fields by DeveloperName', () => {
    expect(programQuery('Partner_Tier')).toBe(
      'SELECT DeveloperName, MasterLabel, Rank__c, Description__c FROM Partner_Tier__mdt ORDER BY DeveloperName'
    );
    expect(programQuery('Tier_Criterion')).toMatch(
      /^SELECT DeveloperName, MasterLabel, Tier__r\.DeveloperName, Partner_Type__c, /
    );
  });

  it('is the same program as the deployed files, and round-trips through .md-meta.xml files', async () => {
    const deployed = await loadProgram(deployedCustomMetadataDir(process.cwd()));
    const fromOrg = await readProgramFromOrg(client, 'org test');
    expect(programHash(fromOrg.config)).toBe(programHash(deployed));
    expect(fromOrg.config.benefits).toEqual(deployed.benefits);
    expect(fromOrg.config.sources).toEqual(['org test']);
    const dir = mkdtempSync(path.join(tmpdir(), 'pp-criteria-'));
    await writeMetadataRecords(dir, fromOrg.records);
    const reloaded = await loadProgram(dir);
    expect(programHash(reloaded)).toBe(programHash(deployed));
  });

  it('refuses invalid records from the org with the same messages as invalid files', async () => {
    const criterion = fake.org.store.rows('Tier_Criterion__mdt').find((row) => row.DeveloperName === 'Select_CSAT')!;
    criterion.Operator__c = '>';
    await expect(readProgramFromOrg(client, 'org test')).rejects.toMatchObject({
      details: ['org Tier_Criterion__mdt.Select_CSAT: field Operator__c must be >= or <= (value: ">").']
    });
  });
});
