/** What counts as a change against the org's current value, and the pre-flight rules for limits and write access. */
import { BULK_NULL } from '../../report/write-back-plan.ts';
import { sameValue } from '../plan-changes.ts';
import { limitProblems, writeProblems } from '../preflight.ts';
import type { SObjectDescribe } from '../rest.ts';

describe('sameValue', () => {
  it.each([
    ['', 'anything', true],
    [BULK_NULL, '', true],
    [BULK_NULL, 'Select', false],
    ['82', '82.0', true],
    ['76.5', '76.50', true],
    ['76.5', '76.4', false],
    ['true', 'true', true],
    ['Select', 'Elite', false],
    ['2026-10-01', '2026-10-01', true]
  ])('planned %j, current %j: %s', (planned, current, same) => {
    expect(sameValue(planned, current)).toBe(same);
  });
});

describe('limitProblems', () => {
  const limits = (remaining: number) => ({ DailyApiRequests: { Max: 10_000, Remaining: remaining } });
  it('leaves 5 % of each daily allocation for everyone else', () => {
    expect(limitProblems(limits(700), { apiRequests: 200, bulkQueryJobs: 0, bulkBatches: 0 })).toEqual([]);
    expect(limitProblems(limits(699), { apiRequests: 200, bulkQueryJobs: 0, bulkBatches: 0 })[0]).toMatch(
      /^DailyApiRequests: 699 of 10,000 daily API requests left; this run needs about 200 and leaves 500 \(5 %\)/
    );
  });
});

describe('writeProblems', () => {
  const describe_ = (fields: Partial<SObjectDescribe['fields'][number]>[]): SObjectDescribe => ({
    name: 'Tier_Evaluation__c',
    createable: true,
    updateable: true,
    queryable: true,
    fields: fields.map((field) => ({
      name: 'X',
      type: 'string',
      createable: true,
      updateable: true,
      nillable: true,
      externalId: false,
      ...field
    }))
  });
  it('accepts a master-detail field that can be set on insert only, and names every other problem', () => {
    const problems = writeProblems(
      describe_([
        { name: 'Partner_Profile__c', updateable: false, relationshipOrder: 0 } as never,
        { name: 'Outcome__c', updateable: false },
        { name: 'Evaluation_Key__c', externalId: false }
      ]),
      {
        object: 'Tier_Evaluation__c',
        columns: ['Partner_Profile__c', 'Outcome__c', 'Evaluation_Key__c', 'Missing__c'],
        operation: 'upsert',
        externalIdFieldName: 'Evaluation_Key__c'
      }
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Tier_Evaluation__c\.Outcome__c is not editable for you/),
      expect.stringMatching(/^Tier_Evaluation__c\.Missing__c does not exist or is not visible to you/),
      expect.stringMatching(/^Tier_Evaluation__c\.Evaluation_Key__c is not an external ID/)
    ]);
    expect(writeProblems(null, { object: 'Evaluation_Run__c', columns: [], operation: 'upsert' })[0]).toMatch(
      /^Evaluation_Run__c does not exist in the org/
    );
  });
});
