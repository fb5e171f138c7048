/*
 * The tier progress the component shows is the progress `partner-program evaluate` computes, for
 * every partner of data/sample: the view is built from each partner's state after the 2026-Q3
 * evaluation (resulting tier, grace) and its metric values, with the deployed program, and compared
 * with the CLI's decision (next tier, progress, near upgrade, and per criterion met, progress and gap).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildTierProgressView, type ProgramData, type TierProgressData } from 'c/tierProgressModel';

interface CliCriterion {
  tier: string;
  criterion: string;
  metric: string;
  value: number | null;
  met: boolean;
  progress: number;
  gap: string | null;
}

interface CliPartner {
  accountId: string;
  name: string;
  partnerType: string;
  resultingTier: string;
  nextTier: string | null;
  progress: number | null;
  nearUpgrade: boolean;
  graceUntil: string | null;
  criteria: CliCriterion[];
}

const ROOT = path.resolve(__dirname, '../../../../../..');

function run(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const evaluation = JSON.parse(
  run(['scripts/bin/partner-program.js', 'evaluate', '--snapshot', 'data/sample', '--format', 'json'])
) as { corporateCurrency: string; partners: CliPartner[] };
const program = JSON.parse(
  run([
    '--input-type=module',
    '-e',
    "import { loadProgram } from './scripts/lib/program/load-program.ts'; process.stdout.write(JSON.stringify(await loadProgram('force-app/main/default/customMetadata')));"
  ])
) as ProgramData;

function dataOf(partner: CliPartner): TierProgressData {
  const metrics: Record<string, number | null> = {};
  for (const criterion of partner.criteria) metrics[criterion.metric] = criterion.value;
  return {
    profileId: partner.accountId,
    accountName: partner.name,
    partnerType: partner.partnerType,
    status: 'Active',
    tier: partner.resultingTier,
    graceUntil: partner.graceUntil,
    corporateCurrency: evaluation.corporateCurrency,
    metrics,
    program
  };
}

describe('c-tier-progress-model on data/sample', () => {
  it('covers every evaluated partner of the sample', () => {
    expect(evaluation.partners.length).toBeGreaterThan(50);
  });

  it.each(evaluation.partners.map((partner) => [partner.name, partner] as const))(
    '%s: same next tier, progress, near upgrade and gaps as the CLI',
    (_name, partner) => {
      const view = buildTierProgressView(dataOf(partner), '2026-10-05');

      expect(view.nextTier?.name ?? null).toBe(partner.nextTier);
      expect(view.progress).toBe(partner.progress);
      expect(view.percent).toBe(partner.progress === null ? null : Math.floor(partner.progress * 100));
      expect(view.nearUpgrade).toBe(partner.nearUpgrade);
      const expectedNext = partner.criteria.filter((criterion) => criterion.tier === partner.nextTier);
      expect(view.nextCriteria.map(({ key, met, progress, gap }) => ({ criterion: key, met, progress, gap }))).toEqual(
        expectedNext.map(({ criterion, met, progress, gap }) => ({ criterion, met, progress, gap }))
      );
      // What puts the tier at risk (grace partners: what the recovery plan must fix).
      const failedOfTier = partner.criteria.filter(
        (criterion) => criterion.tier === partner.resultingTier && !criterion.met
      );
      expect(view.atRisk.map(({ key, gap }) => ({ criterion: key, gap }))).toEqual(
        failedOfTier.map(({ criterion, gap }) => ({ criterion, gap }))
      );
      expect(view.grace?.until ?? null).toBe(partner.graceUntil);
    }
  );
});
