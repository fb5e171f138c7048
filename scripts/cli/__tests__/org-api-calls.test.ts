/*
 * API calls of a whole evaluation with --apply, counted at the fake org: the same for 10 and for
 * 10,000 partners, apart from result pages (Bulk query results, maxRecords per page). Notifications
 * go one per partner manager, so they follow the managers, not the partners. Partners never add a
 * request of their own.
 */
import { orgTestEnv, type OrgTestEnv } from '../../lib/org/__tests__/helpers/org-test-env.ts';
import type { RecordedRequest } from '../../fake-salesforce/fake-org.ts';

const PAGE_SIZE = 2000;

function shape(request: RecordedRequest): string {
  const path = request.path
    .replace(/\/750\w+/, '/<job>')
    .replace(/\/sobjects\/\w+\/describe$/, '/sobjects/<object>/describe')
    .replace(/\/query\/01g\w+-\d+$/, '/query/<next page>');
  return `${request.method} ${path}`;
}

interface Counted {
  calls: Record<string, number>;
  resultPages: number;
  notificationBatches: number;
  total: number;
  partners: number;
}

async function countCalls(partners: number): Promise<Counted> {
  const env: OrgTestEnv = await orgTestEnv({ partners, density: 'light' });
  try {
    const result = await env.run(['evaluate', '--target-org', 'fake', '--run-dir', env.runDir(), '--apply', '--yes'], {
      pageSize: PAGE_SIZE
    });
    expect(result.code).toBe(0);
    const calls: Record<string, number> = {};
    let resultPages = 0;
    let notificationBatches = 0;
    for (const request of env.fake.org.requests) {
      const key = shape(request);
      if (key === 'GET /services/data/v65.0/jobs/query/<job>/results') resultPages++;
      else if (key.endsWith('/customNotificationAction')) notificationBatches++;
      else calls[key] = (calls[key] ?? 0) + 1;
    }
    const notified = env.fake.org.notifications.length;
    expect(notificationBatches).toBe(Math.ceil(notified / 100));
    // One notification per manager who has something to hear, however many partners they have.
    expect(notified).toBeLessThanOrEqual(env.seeded.managerIds.length);
    return { calls, resultPages, notificationBatches, total: env.fake.org.requests.length, partners };
  } finally {
    await env.close();
  }
}

describe('API calls of an evaluation', () => {
  it('are the same for 10 and 10,000 partners, apart from result pages', async () => {
    const small = await countCalls(10);
    const large = await countCalls(10_000);
    expect(large.calls).toEqual(small.calls);
    expect(large.notificationBatches).toBe(small.notificationBatches);
    // Describes and the program and currency queries go in composite requests: a handful of calls.
    expect(large.calls['POST /services/data/v65.0/composite']).toBe(2);
    expect(Object.keys(large.calls).some((key) => key.endsWith('/describe'))).toBe(false);
    // One page per object for 10 partners; ceil(rows / maxRecords) per object for 10,000.
    expect(small.resultPages).toBe(10);
    expect(large.resultPages).toBe(
      [10_000, 10_000, 20_000, 1, 10_000, 10_000, 10_000, 0, 0, 10_000]
        .map((rows) => Math.max(1, Math.ceil(rows / PAGE_SIZE)))
        .reduce((sum, pages) => sum + pages, 0)
    );
    const fixed = Object.values(small.calls).reduce((sum, count) => sum + count, 0);
    process.stdout.write(
      `API calls: ${fixed} fixed; result pages ${small.resultPages} (10 partners) vs ${large.resultPages} (10,000); notification batches ${small.notificationBatches} vs ${large.notificationBatches}; total ${small.total} vs ${large.total}\n`
    );
  }, 60_000);
});
