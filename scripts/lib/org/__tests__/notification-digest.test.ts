/*
 * One notification per partner manager and run (an org executes at most 10,000 notification
 * actions an hour and drops the rest): a manager with one partner gets that partner's message, a
 * manager with several a digest that opens on the most urgent partner.
 */
import { managerNotifications, type PartnerNotification } from '../notifications.ts';

function partner(key: string, recipientId: string, kind: PartnerNotification['kind'], name = key): PartnerNotification {
  return {
    key,
    recipientId,
    targetId: `a01-${key}`,
    title: `${name}: ${kind}`,
    body: `${name} body`,
    kind,
    line: `${name} (${kind.toLowerCase()})`,
    quarter: '2026-Q3'
  };
}

describe('managerNotifications', () => {
  it('sends a manager with one partner exactly that partner’s message', () => {
    const [only] = managerNotifications([partner('k1', '005A', 'Promoted', 'Acme')]);
    expect(only).toEqual({
      keys: ['k1'],
      recipientId: '005A',
      targetId: 'a01-k1',
      title: 'Acme: Promoted',
      body: 'Acme body'
    });
  });

  it('sends a manager with several partners one digest: counts, most urgent first, and the rest counted', () => {
    const list = [
      partner('k1', '005A', 'Near upgrade', 'Nimbus'),
      partner('k2', '005B', 'Promoted', 'Other'),
      partner('k3', '005A', 'Promoted', 'Acme'),
      partner('k4', '005A', 'Demoted', 'Borealis'),
      ...Array.from({ length: 9 }, (_, index) => partner(`n${index}`, '005A', 'Near upgrade', `Near ${index}`))
    ];
    const digests = managerNotifications(list);
    expect(digests).toHaveLength(2);
    const digest = digests.find((notification) => notification.recipientId === '005A')!;
    expect(digest.keys).toHaveLength(12);
    expect(digest.keys[0]).toBe('k4');
    expect(digest.targetId).toBe('a01-k4');
    expect(digest.title).toBe(
      '2026-Q3 tier evaluation: 12 of your partners (1 demoted, 1 promoted, 10 near an upgrade)'
    );
    expect(digest.body).toMatch(/^Borealis \(demoted\); Acme \(promoted\); Nimbus \(near upgrade\);/);
    expect(digest.body).toContain('; and 4 more.');
  });

  it('never sends more notifications than there are managers', () => {
    const many = Array.from({ length: 5_000 }, (_, index) => partner(`k${index}`, `005${index % 7}`, 'Promoted'));
    expect(managerNotifications(many)).toHaveLength(7);
  });
});
