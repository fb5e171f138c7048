/*
 * The HTTP layer: URLs on an instance URL with a trailing slash, the bearer token on every request
 * (and nowhere in errors), bounded retries with exponential backoff on 5xx, timeouts and
 * UNABLE_TO_LOCK_ROW, an expired session and a used-up limit as messages that say what to do.
 */
import { fakeSession } from '../../../fake-salesforce/fake-session.ts';
import { startFakeSalesforce, type FakeSalesforce } from '../../../fake-salesforce/server.ts';
import { UserError } from '../../errors.ts';
import { OrgApiError } from '../errors.ts';
import { SalesforceClient } from '../http.ts';
import { TransientError } from '../retry.ts';

const LIMITS = '/services/data/v65.0/limits';

describe('SalesforceClient', () => {
  let fake: FakeSalesforce;
  let delays: number[];
  let client: SalesforceClient;
  beforeEach(async () => {
    fake = await startFakeSalesforce();
    delays = [];
    client = new SalesforceClient(fakeSession(fake), {
      retry: { attempts: 4, baseDelayMs: 500, maxDelayMs: 3000, sleep: async (ms) => void delays.push(ms) }
    });
  });
  afterEach(() => fake.close());

  it('builds URLs with new URL() on an instance URL with a trailing slash', async () => {
    expect(fake.instanceUrl.endsWith('/')).toBe(true);
    expect(client.url('/services/data/v65.0/query', { q: "SELECT Id FROM Account WHERE Name = 'A&B'" }).href).toBe(
      `${fake.instanceUrl}services/data/v65.0/query?q=SELECT+Id+FROM+Account+WHERE+Name+%3D+%27A%26B%27`
    );
    await client.json('GET', LIMITS);
    expect(fake.org.requests[0].path).toBe(LIMITS);
    expect(fake.org.requests[0].headers.authorization).toBe(`Bearer ${fake.org.token}`);
  });

  it('retries 5xx with exponential backoff, capped, and gives up after the last attempt', async () => {
    fake.fault({ path: /limits$/, status: 502, times: 3 });
    await client.json('GET', LIMITS);
    expect(delays).toEqual([500, 1000, 2000]);
    fake.fault({ path: /limits$/, status: 500, times: 4, body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'boom' }] });
    const error = await client.json('GET', LIMITS).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientError);
    expect((error as Error).message).toBe(
      'GET /services/data/v65.0/limits answered 500 UNKNOWN_EXCEPTION: boom (gave up after 4 attempts)'
    );
    expect(delays).toEqual([500, 1000, 2000, 500, 1000, 2000]);
  });

  it('retries UNABLE_TO_LOCK_ROW, but not other client errors', async () => {
    fake.fault({
      path: /composite\/sobjects$/,
      status: 400,
      body: [{ errorCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' }]
    });
    const saved = await client.json<{ success: boolean }[]>('POST', '/services/data/v65.0/composite/sobjects', {
      json: { allOrNone: true, records: [{ attributes: { type: 'Evaluation_Run__c' }, Run_Key__c: 'k', Name: 'n' }] }
    });
    expect(saved[0].success).toBe(true);
    expect(delays).toEqual([500]);
    fake.fault({ path: /limits$/, status: 400, body: [{ errorCode: 'INVALID_FIELD', message: 'nope' }] });
    await expect(client.json('GET', LIMITS)).rejects.toBeInstanceOf(OrgApiError);
    expect(delays).toEqual([500]);
  });

  it('an expired session: "log in again", without the token in the message', async () => {
    const stale = fake.org.token;
    fake.org.expireSession();
    const expired = new SalesforceClient(fakeSession(fake, { target: 'prod', token: stale }));
    const error = (await expired.json('GET', LIMITS).catch((caught: unknown) => caught)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.hint).toBe('log in again: npx sf org login web --alias prod');
    expect(`${error.message} ${error.hint}`).not.toContain(stale);
  });

  it('REQUEST_LIMIT_EXCEEDED is not retried and says what to do', async () => {
    fake.fault({
      path: /limits$/,
      status: 403,
      body: [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]
    });
    const error = (await client.json('GET', LIMITS).catch((caught: unknown) => caught)) as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain('TotalRequests Limit exceeded. (REQUEST_LIMIT_EXCEEDED)');
    expect(delays).toEqual([]);
  });
});
