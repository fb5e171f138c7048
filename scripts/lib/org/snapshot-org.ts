/** `snapshot --target-org X --out <dir>`: the org's data as a snapshot folder that `evaluate --snapshot` reads. */
import path from 'node:path';
import { openOrg, orgDeps, orgProgress, type OrgCliIo } from './org-cli.ts';
import { readOrgContext } from './org-context.ts';
import { assertPreflight, limitProblems, readProblems } from './preflight.ts';
import { snapshotQueries } from './snapshot-queries.ts';
import { takeSnapshot } from './take-snapshot.ts';

export async function snapshotFromOrg(target: string, out: string, io: OrgCliIo): Promise<number> {
  const deps = orgDeps(io);
  const { session, client } = await openOrg(target, deps);
  const context = await readOrgContext(client, false, `org ${session.username} (${session.orgId})`);
  const plan = snapshotQueries(context.describes, context.program.config.criteria);
  assertPreflight(
    [
      ...readProblems(plan.missing),
      ...limitProblems(context.limits, { apiRequests: 150, bulkQueryJobs: plan.queries.length, bulkBatches: 0 })
    ],
    target
  );
  const dir = path.resolve(out);
  const taken = await takeSnapshot({
    client,
    dir,
    queries: plan.queries,
    orgId: session.orgId,
    currency: context.currency,
    exportedAt: deps.now().toISOString(),
    pageSize: deps.pageSize,
    poll: deps.poll,
    concurrency: 4,
    progress: orgProgress(io, true)
  });
  const width = Math.max(...taken.files.map((file) => file.object.length));
  const lines = [...taken.files]
    .sort((a, b) => a.object.localeCompare(b.object))
    .map(
      (file) =>
        `  ${`${file.object}.csv`.padEnd(width + 4)}  ${file.rows.toLocaleString('en-US').padStart(9)} rows  (Bulk job ${file.jobId})`
    );
  io.stdout(
    `Snapshot of ${session.username} (${session.orgId}), ${taken.manifest.exportedAt}, amounts in ${taken.manifest.corporateCurrency}:\n${lines.join('\n')}\nWrote ${dir}. Evaluate it offline: partner-program evaluate --snapshot ${out}\n`
  );
  return 0;
}
