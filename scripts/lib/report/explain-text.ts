import {
  formatValue,
  metricShortName,
  tiersByRank,
  type CriterionResult,
  type Decision
} from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';
import type { PartnerDetail } from '../metrics/partner-detail.ts';
import type { EvaluationRun } from '../run-evaluation.ts';
import { percentText, renderTable } from './text-table.ts';

function money(value: number, currency: string): string {
  return formatValue(value, 'currency', currency);
}

function criterionLines(result: CriterionResult): string[] {
  const missing = result.gap && result.gap !== 'no data' ? ` Missing: ${result.gap}.` : '';
  return [`  [${result.met ? 'x' : ' '}] ${result.label}`, `      ${result.reason}${missing}`];
}

function tierSections(run: EvaluationRun, decision: Decision): string[] {
  const out: string[] = [];
  for (const tier of tiersByRank(run.program.tiers)) {
    const results = decision.criteria.filter((result) => result.tier === tier.name);
    if (results.length === 0) continue;
    const roles = [
      tier.name === decision.previousTier ? 'tier before this quarter' : '',
      tier.name === decision.resultingTier ? 'resulting tier' : '',
      tier.name === decision.nextTier ? 'next tier' : ''
    ].filter(Boolean);
    const met = results.filter((result) => result.met).length;
    out.push('');
    out.push(`${tier.label} criteria${roles.length ? ` (${roles.join(', ')})` : ''}: ${met} of ${results.length} met`);
    for (const result of results) out.push(...criterionLines(result));
  }
  return out;
}

function benefitLines(run: EvaluationRun, tier: string | null): string[] {
  if (!tier) return [];
  const benefits = run.config.benefits.filter((benefit) => benefit.tier === tier);
  if (benefits.length === 0) return [];
  return ['', `What ${tier} adds:`, ...benefits.map((benefit) => `  - ${benefit.benefit}`)];
}

/** The records behind the metrics: which deals, reviews, certifications and proofs counted, and why. */
function recordLines(detail: PartnerDetail, run: EvaluationRun): string[] {
  const currency = run.manifest.corporateCurrency;
  const out: string[] = [];
  const revenue = detail.opportunities.filter((opportunity) => opportunity.counts.includes('revenue'));
  const total =
    revenue.reduce((sum, opportunity) => sum + Math.round((opportunity.corporateAmount ?? 0) * 100), 0) / 100;
  out.push('');
  out.push(`Revenue: ${revenue.length} closed-won partner deal(s) in the window, ${money(total, currency)} in total`);
  if (revenue.length > 0) {
    out.push(
      renderTable(
        [
          { header: 'Opportunity' },
          { header: 'Name' },
          { header: 'Closed' },
          { header: 'Involvement' },
          { header: 'Amount', align: 'right' },
          { header: 'Rate', align: 'right' },
          { header: currency, align: 'right' }
        ],
        revenue.map((opportunity) => [
          opportunity.id,
          opportunity.name,
          opportunity.closeDate,
          opportunity.involvement,
          money(opportunity.amount ?? 0, opportunity.currency),
          opportunity.currency === currency ? '' : String(opportunity.rate),
          money(opportunity.corporateAmount ?? 0, currency)
        ]),
        '  '
      )
    );
  }
  const renewals = detail.opportunities.filter((opportunity) =>
    opportunity.counts.some((count) => count.startsWith('renewal'))
  );
  if (renewals.length > 0) {
    out.push('');
    out.push(`Renewals closed in the window: ${renewals.length}`);
    for (const opportunity of renewals) {
      out.push(
        `  ${opportunity.id}  ${opportunity.closeDate}  ${opportunity.isWon ? 'won ' : 'lost'}  ${opportunity.name}`
      );
    }
  }
  const registered = detail.opportunities.filter((opportunity) =>
    opportunity.counts.some((count) => count.startsWith('registered deal'))
  );
  out.push('');
  out.push(`Registered deals open on ${run.period.quarter.end}: ${registered.length}`);
  for (const opportunity of registered) {
    const clean = opportunity.counts.includes('registered deal with owner and next step');
    out.push(
      `  ${opportunity.id}  ${clean ? 'ok     ' : 'missing'}  ${opportunity.name}${clean ? '' : ' (no owner or next step)'}`
    );
  }
  const reviews = detail.reviews.filter((review) => review.counted);
  out.push('');
  out.push(`Delivery reviews in the window: ${reviews.length} (${detail.reviews.length - reviews.length} outside it)`);
  for (const review of reviews) {
    out.push(
      `  ${review.id}  ${review.reviewedOn}  CSAT ${review.csat ?? '—'}${review.escalated ? '  escalated' : ''}`
    );
  }
  out.push('');
  out.push(
    `Certifications: ${detail.certifications.filter((certification) => certification.counted).length} of ${detail.certifications.length} count`
  );
  for (const certification of detail.certifications) {
    const who = certification.contactName
      ? `${certification.contactName} (${certification.contactId})`
      : certification.contactId;
    out.push(
      `  ${certification.counted ? 'counts     ' : 'not counted'}  ${who}: ${certification.certification || 'certification'}, issued ${certification.issuedOn ?? '—'}, expires ${certification.expiresOn ?? 'never'}${certification.counted ? '' : ` (${certification.note})`}`
    );
  }
  out.push('');
  out.push(
    `Evidence: ${detail.evidence.filter((evidence) => evidence.counted).length} of ${detail.evidence.length} verified and dated by the evaluation date`
  );
  for (const evidence of [...detail.evidence].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))) {
    out.push(
      `  ${evidence.counted ? 'counts     ' : 'not counted'}  ${evidence.date ?? '—'}  ${evidence.type}: ${evidence.title}${evidence.counted ? '' : ` (${evidence.note})`}`
    );
  }
  return out;
}

/** One partner in plain language, with every criterion and the records behind each number. */
export function explainText(run: EvaluationRun, decision: Decision, detail: PartnerDetail | null): string {
  const { period } = run;
  const out: string[] = [];
  out.push(`${decision.name} (${decision.accountId}): ${decision.partnerType} partner`);
  out.push(
    `Quarter ${period.quarter.label}: evaluation date ${period.quarter.end}, window ${period.windowStart} to ${period.windowEnd}`
  );
  out.push('');
  out.push(
    `Outcome: ${decision.outcome}. ${decision.previousTier} -> ${decision.resultingTier} (qualifies for ${decision.qualifiedTier}).`
  );
  out.push(decision.summary);
  if (decision.nextTier) {
    out.push(
      `Progress to ${decision.nextTier}: ${percentText(decision.progress)}${decision.nearUpgrade ? ' (near upgrade)' : ''}.`
    );
  } else {
    out.push(`${decision.resultingTier} is the highest tier.`);
  }
  out.push(...tierSections(run, decision));
  out.push(...benefitLines(run, decision.nextTier));
  const metrics = run.metrics.get(decision.accountId) ?? {};
  const used = [...new Set(decision.criteria.map((result) => result.metric))];
  out.push('');
  out.push('Metrics');
  for (const metric of used) {
    const value = metrics[metric];
    out.push(
      `  ${metricShortName(metric)}: ${value?.value === null || value === undefined ? 'no data' : formatNumberPlain(value.value)}${value?.note ? ` (${value.note})` : ''}`
    );
  }
  if (detail) out.push(...recordLines(detail, run));
  return out.join('\n') + '\n';
}

function formatNumberPlain(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
