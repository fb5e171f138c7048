import { writeSnapshot } from '../../../__tests__/helpers/snapshot-builder.ts';
import { copyOfDeployedMetadata, onePartner, setRecordValue, wonDeal } from '../../../__tests__/helpers/fixtures.ts';
import { runEvaluation } from '../../run-evaluation.ts';
import { UserError } from '../../errors.ts';
import { toCorporateCents } from '../currency.ts';

async function metricsOf(
  spec: Parameters<typeof writeSnapshot>[0],
  options: { quarter?: string; criteriaDir?: string } = {}
) {
  const run = await runEvaluation({ snapshotDir: writeSnapshot(spec), ...options });
  return run.metrics.get('001A')!;
}

describe('metrics: revenue in the rolling window (2026-Q3: 2025-10-01..2026-09-30)', () => {
  it('counts a deal closed on the first and on the last day of the window, not the day before or after', async () => {
    const metrics = await metricsOf(
      onePartner({
        tables: {
          Opportunity: [
            wonDeal('006first', '2025-10-01', 1000),
            wonDeal('006last', '2026-09-30', 200),
            wonDeal('006before', '2025-09-30', 40000),
            wonDeal('006after', '2026-10-01', 80000)
          ]
        }
      })
    );
    expect(metrics.REVENUE_4Q?.value).toBe(1200);
  });

  it('counts only won deals with Resold, Sourced or Influenced involvement', async () => {
    const metrics = await metricsOf(
      onePartner({
        tables: {
          Opportunity: [
            wonDeal('006a', '2026-01-10', 100, { Partner_Involvement__c: 'Sourced' }),
            wonDeal('006b', '2026-01-10', 10, { Partner_Involvement__c: 'Influenced' }),
            wonDeal('006c', '2026-01-10', 5000, { Partner_Involvement__c: 'Referral Fee Only' }),
            wonDeal('006d', '2026-01-10', 7000, { IsWon: false }),
            wonDeal('006e', '2026-01-10', 9000, { Partner_Account__c: '001Other' })
          ]
        }
      })
    );
    expect(metrics.REVENUE_4Q?.value).toBe(110);
  });

  it('converts other currencies with the dated rate in force on the close date and rounds each deal to cents', async () => {
    const spec = onePartner({
      tables: {
        DatedConversionRate: [
          { IsoCode: 'EUR', ConversionRate: 0.9, StartDate: '2025-01-01', NextStartDate: '2026-04-01' },
          { IsoCode: 'EUR', ConversionRate: 0.8, StartDate: '2026-04-01', NextStartDate: '9999-12-31' }
        ],
        Opportunity: [
          wonDeal('006eur1', '2026-03-31', 1000, { CurrencyIsoCode: 'EUR' }),
          wonDeal('006eur2', '2026-04-01', 1000, { CurrencyIsoCode: 'EUR' }),
          wonDeal('006usd', '2026-05-01', 0.01, { CurrencyIsoCode: 'USD' })
        ]
      }
    });
    const metrics = await metricsOf(spec);
    // 1000 / 0.9 = 1111.111… -> 1111.11; 1000 / 0.8 = 1250.00 (the new rate applies from its StartDate).
    expect(metrics.REVENUE_4Q?.value).toBe(2361.12);
  });

  it('refuses a counted deal whose currency has no rate on its close date, naming row and currency', async () => {
    const spec = onePartner({
      tables: {
        DatedConversionRate: [
          { IsoCode: 'EUR', ConversionRate: 0.9, StartDate: '2026-01-01', NextStartDate: '9999-12-31' }
        ],
        Opportunity: [
          wonDeal('006ok', '2026-02-01', 10, { CurrencyIsoCode: 'EUR' }),
          wonDeal('006gbp', '2026-02-01', 10, { CurrencyIsoCode: 'GBP' })
        ]
      }
    });
    await expect(runEvaluation({ snapshotDir: writeSnapshot(spec) })).rejects.toThrow(
      'Opportunity.csv, row 2 (line 3), column CurrencyIsoCode: no DatedConversionRate for GBP in force on 2026-02-01.'
    );
  });

  it('rounds half a cent away from zero', () => {
    expect(toCorporateCents(0.125, 1)).toBe(13);
    expect(toCorporateCents(-0.125, 1)).toBe(-13);
    expect(toCorporateCents(100, 3)).toBe(3333);
  });
});

describe('metrics: certifications, evidence, reviews, renewals and deal hygiene', () => {
  const cert = (id: string, contact: string, issued: string | null, expires: string | null, verified = true) => ({
    Id: id,
    Partner_Profile__c: 'a01A',
    Contact__c: contact,
    Issued_On__c: issued,
    Expires_On__c: expires,
    Verified__c: verified
  });

  it('counts distinct verified people whose certification is valid on the evaluation date (expiring that day counts)', async () => {
    const metrics = await metricsOf(
      onePartner({
        tables: {
          Partner_Certification__c: [
            cert('c1', '003a', '2024-01-01', '2026-09-30'),
            cert('c2', '003a', '2024-02-01', '2027-01-01'),
            cert('c3', '003b', '2024-01-01', '2026-09-29'),
            cert('c4', '003c', '2026-10-01', '2028-01-01'),
            cert('c5', '003d', '2024-01-01', '2028-01-01', false),
            cert('c6', '003e', '2024-01-01', null)
          ]
        }
      })
    );
    // 003a (twice, once expiring on 2026-09-30) and 003e (never expires); 003b expired the day before,
    // 003c was issued after the evaluation date, 003d is not verified.
    expect(metrics.CERTIFIED_PEOPLE?.value).toBe(2);
  });

  it('ages the newest verified evidence dated on or before the evaluation date; none is no data', async () => {
    const evidence = (id: string, type: string, date: string, verified = true) => ({
      Id: id,
      Partner_Profile__c: 'a01A',
      Type__c: type,
      Evidence_Date__c: date,
      Verified__c: verified
    });
    const metrics = await metricsOf(
      onePartner({
        tables: {
          Partner_Evidence__c: [
            evidence('e1', 'Case Study', '2026-09-20'),
            evidence('e2', 'Validated Integration', '2024-01-15'),
            evidence('e3', 'Validated Integration', '2026-09-29', false),
            evidence('e4', 'SOW', '2026-10-02'),
            evidence('e5', 'Playbook', '2025-03-01')
          ]
        }
      })
    );
    expect(metrics.EVIDENCE_AGE_DAYS?.value).toBe(10);
    expect(metrics.VALIDATED_INTEGRATIONS?.value).toBe(1);
    expect(metrics.SOW_EVIDENCE?.value).toBe(1);
    const none = await metricsOf(onePartner());
    expect(none.EVIDENCE_AGE_DAYS?.value).toBeNull();
    expect(none.EVIDENCE_AGE_DAYS?.note).toContain('no verified evidence');
  });

  it('averages CSAT and the escalation rate over reviews in the window; no review is no data', async () => {
    const review = (id: string, date: string, csat: number, escalated = false) => ({
      Id: id,
      Partner_Profile__c: 'a01A',
      CSAT__c: csat,
      Reviewed_On__c: date,
      Escalated__c: escalated
    });
    const metrics = await metricsOf(
      onePartner({
        tables: {
          Delivery_Review__c: [
            review('r1', '2025-10-01', 90),
            review('r2', '2026-09-30', 80, true),
            review('r3', '2025-09-30', 0),
            review('r4', '2026-03-01', 85)
          ]
        }
      })
    );
    expect(metrics.CSAT_AVG?.value).toBe(85);
    expect(metrics.ESCALATION_RATE_PCT?.value).toBeCloseTo(33.333, 3);
    expect((await metricsOf(onePartner())).CSAT_AVG?.value).toBeNull();
  });

  it('computes the renewal rate over renewals closed in the window whatever the involvement', async () => {
    const renewal = (id: string, won: boolean, date = '2026-02-01') =>
      wonDeal(id, date, 100, { Type: 'Renewal', IsWon: won, Partner_Involvement__c: '' });
    const metrics = await metricsOf(
      onePartner({
        tables: {
          Opportunity: [
            renewal('006r1', true),
            renewal('006r2', true),
            renewal('006r3', true),
            renewal('006r4', false),
            renewal('006r5', false, '2025-01-01')
          ]
        }
      })
    );
    expect(metrics.RENEWAL_RATE_PCT?.value).toBe(75);
    expect(metrics.REVENUE_4Q?.value).toBe(0);
  });

  it('measures deal hygiene over registered deals open on the evaluation date', async () => {
    const registered = (id: string, extra: Record<string, unknown>) =>
      wonDeal(id, '2026-12-01', 1, {
        IsClosed: false,
        IsWon: false,
        Deal_Registered__c: true,
        Registered_On__c: '2026-05-01',
        NextStep: 'Demo',
        ...extra
      });
    const metrics = await metricsOf(
      onePartner({
        tables: {
          Opportunity: [
            registered('006h1', {}),
            registered('006h2', { NextStep: '   ' }),
            registered('006h3', { IsClosed: true, IsWon: true, CloseDate: '2026-10-15' }),
            registered('006h4', { IsClosed: true, IsWon: true, CloseDate: '2026-09-15' }),
            registered('006h5', { Registered_On__c: '2026-10-02' }),
            registered('006h6', { Deal_Registered__c: false })
          ]
        }
      })
    );
    // Open on 2026-09-30 and registered by then: h1 (clean), h2 (blank next step), h3 (closed after the date).
    expect(metrics.DEAL_HYGIENE_PCT?.value).toBeCloseTo(66.667, 3);
    expect((await metricsOf(onePartner())).DEAL_HYGIENE_PCT?.value).toBeNull();
  });

  it('reads FIELD: metrics from numeric Partner_Profile__c columns', async () => {
    const dir = copyOfDeployedMetadata();
    setRecordValue(dir, 'Tier_Criterion.Select_Certified_People.md-meta.xml', 'Metric__c', 'FIELD:Joint_Customers__c');
    const metrics = await metricsOf(onePartner({ profile: { Joint_Customers__c: 7 } }), { criteriaDir: dir });
    expect(metrics['FIELD:Joint_Customers__c']?.value).toBe(7);
    await expect(runEvaluation({ snapshotDir: writeSnapshot(onePartner()), criteriaDir: dir })).rejects.toThrow(
      'Partner_Profile__c.csv, line 1: the header lacks column(s) Joint_Customers__c.'
    );
  });
});

describe('metrics: fiscal year not starting in January', () => {
  it('uses fiscal quarters for the window when the fiscal year starts in February (named by its ending year)', async () => {
    const dir = copyOfDeployedMetadata();
    setRecordValue(dir, 'Partner_Program_Setting.Default.md-meta.xml', 'Fiscal_Year_Start_Month__c', '2.0');
    const spec = onePartner({
      tables: {
        Opportunity: [
          wonDeal('006in-first', '2025-11-01', 1),
          wonDeal('006in-last', '2026-10-31', 10),
          wonDeal('006out', '2025-10-31', 100),
          wonDeal('006out2', '2026-11-01', 1000)
        ]
      }
    });
    // FY2027 starts 2026-02-01; its Q3 is 2026-08-01..2026-10-31; the window starts with FY2026 Q4 (2025-11-01).
    const run = await runEvaluation({
      snapshotDir: writeSnapshot({ ...spec, exportedAt: '2026-11-15T00:00:00.000Z' }),
      criteriaDir: dir
    });
    expect(run.period.quarter.label).toBe('2027-Q3');
    expect(run.period.windowStart).toBe('2025-11-01');
    expect(run.period.windowEnd).toBe('2026-10-31');
    expect(run.metrics.get('001A')!.REVENUE_4Q?.value).toBe(11);
  });

  it('rejects a quarter that had not ended when the snapshot was exported', async () => {
    const error = await runEvaluation({ snapshotDir: writeSnapshot(onePartner()), quarter: '2026-Q4' }).catch(
      (caught) => caught
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe('2026-Q4 had not ended when the snapshot was taken (2026-10-05T06:00:00.000Z).');
  });
});
