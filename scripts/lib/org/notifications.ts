/*
 * After an apply, partner managers hear about their partners whose evaluation this run wrote and
 * that were promoted, demoted, started a grace period or are near an upgrade: one custom
 * notification (type Partner_Tier_Change) per manager and run. A manager with one such partner gets
 * that partner's message, pointing at its profile; a manager with several gets a digest (counts and
 * the first names), pointing at the most urgent partner's profile. One per manager, not one per
 * partner, because an org executes at most 10,000 notification actions an hour and drops the rest:
 * at 100,000 partners a per-partner run would lose most of them (and spend one API call per 100).
 * Sent in batches through the customNotificationAction standard action; every partner covered is
 * logged in notifications.csv, and a resumed run notifies only about the rest.
 */
import { existsSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { dataPath } from './api-version.ts';
import type { ObjectState } from './apply-state.ts';
import { readCsvRows } from './csv-files.ts';
import type { SalesforceClient } from './http.ts';
import type { RowOutcome } from './job-outcomes.ts';
import { queryAll } from './rest.ts';
import { SNAPSHOT_DIR } from './run-folder.ts';

export const NOTIFICATION_TYPE = 'Partner_Tier_Change';
export const NOTIFICATION_BATCH = 100;
export const NOTIFICATIONS_LOG = 'notifications.csv';
const LOG_COLUMNS = ['Evaluation_Key__c', 'Recipient_Id', 'Title', 'Status', 'Error'];
const MAX_TITLE = 250;
const MAX_BODY = 750;

export interface PartnerNotification {
  key: string;
  recipientId: string;
  targetId: string;
  title: string;
  body: string;
  /** Promoted, Demoted, Grace or Near upgrade: how a digest counts and orders it. */
  kind: NotificationKind;
  /** The partner's name and what happened, for a digest's list. */
  line: string;
  quarter: string;
}

export type NotificationKind = 'Demoted' | 'Grace' | 'Promoted' | 'Near upgrade';
/** Most urgent first: a digest opens on the first of these. */
const KIND_ORDER: NotificationKind[] = ['Demoted', 'Grace', 'Promoted', 'Near upgrade'];
const KIND_WORDS: Record<NotificationKind, string> = {
  Demoted: 'demoted',
  Grace: 'in grace',
  Promoted: 'promoted',
  'Near upgrade': 'near an upgrade'
};
/** Names listed in a digest before "and N more". */
const DIGEST_NAMES = 8;

/** One notification as sent: to one manager, about one or more partners. */
export interface ManagerNotification {
  keys: string[];
  recipientId: string;
  targetId: string;
  title: string;
  body: string;
}

export const NOTIFICATION_TYPE_QUERY = `SELECT Id FROM CustomNotificationType WHERE DeveloperName = '${NOTIFICATION_TYPE}'`;

export async function notificationTypeId(client: SalesforceClient): Promise<string | null> {
  const [record] = await queryAll(client, NOTIFICATION_TYPE_QUERY);
  return record ? String(record.Id) : null;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function message(
  row: Record<string, string>,
  name: string
): { title: string; body: string; kind: NotificationKind; line: string } | null {
  const lines: string[] = [];
  let title: string | null = null;
  let kind: NotificationKind | null = null;
  let line = '';
  const outcome = row.Outcome__c;
  if (outcome === 'Promoted' || outcome === 'Demoted') {
    title = `${name}: ${outcome.toLowerCase()} to ${row.Resulting_Tier__c}`;
    kind = outcome;
    line = `${name} (${outcome.toLowerCase()} to ${row.Resulting_Tier__c})`;
    lines.push(`${row.Quarter__c}: ${row.Previous_Tier__c} → ${row.Resulting_Tier__c}.`);
  } else if (outcome === 'Grace') {
    title = `${name}: grace period until ${row.Grace_Until__c}`;
    kind = 'Grace';
    line = `${name} (grace until ${row.Grace_Until__c})`;
    lines.push(
      `${row.Quarter__c}: keeps ${row.Resulting_Tier__c} until ${row.Grace_Until__c}; a written recovery plan is required.`
    );
  }
  if (row.Near_Upgrade__c === 'true') {
    title ??= `${name}: near upgrade to ${row.Next_Tier__c}`;
    kind ??= 'Near upgrade';
    line ||= `${name} (near ${row.Next_Tier__c})`;
    lines.push(`Near upgrade: ${row.Progress__c} % of the way to ${row.Next_Tier__c}.`);
  }
  if (title === null || kind === null) return null;
  if (row.Summary__c) lines.push(row.Summary__c);
  return { title: clip(title, MAX_TITLE), body: clip(lines.join(' '), MAX_BODY), kind, line };
}

/** One notification per manager: the partner's own message when there is one, else a digest. */
export function managerNotifications(notifications: PartnerNotification[]): ManagerNotification[] {
  const byManager = new Map<string, PartnerNotification[]>();
  for (const notification of notifications) {
    const list = byManager.get(notification.recipientId) ?? [];
    list.push(notification);
    byManager.set(notification.recipientId, list);
  }
  const result: ManagerNotification[] = [];
  for (const [recipientId, list] of byManager) {
    if (list.length === 1) {
      const [only] = list;
      result.push({ keys: [only.key], recipientId, targetId: only.targetId, title: only.title, body: only.body });
      continue;
    }
    const ordered = [...list].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    const counts = KIND_ORDER.map((kind) => [kind, ordered.filter((item) => item.kind === kind).length] as const)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${count} ${KIND_WORDS[kind]}`);
    const names = ordered.slice(0, DIGEST_NAMES).map((item) => item.line);
    const more = ordered.length - names.length;
    result.push({
      keys: ordered.map((item) => item.key),
      recipientId,
      targetId: ordered[0].targetId,
      title: clip(
        `${ordered[0].quarter} tier evaluation: ${list.length} of your partners (${counts.join(', ')})`,
        MAX_TITLE
      ),
      body: clip(
        `${names.join('; ')}${more > 0 ? `; and ${more} more` : ''}. The Partner Profile list views In Grace and Near Upgrade show them all.`,
        MAX_BODY
      )
    });
  }
  return result;
}

/** The notifications for the evaluations this run wrote; partners without a manager are counted, not notified. */
export async function partnerNotifications(
  runDir: string,
  evaluations: ObjectState,
  outcomes: Map<string, RowOutcome>
): Promise<{ notifications: PartnerNotification[]; withoutManager: number }> {
  const snapshot = path.join(runDir, SNAPSHOT_DIR);
  const profiles = new Map<string, { manager: string; accountId: string }>();
  for await (const row of readCsvRows(path.join(snapshot, 'Partner_Profile__c.csv'))) {
    profiles.set(row.Id, { manager: row.Partner_Manager__c ?? '', accountId: row.Account__c });
  }
  const names = new Map<string, string>();
  for await (const row of readCsvRows(path.join(snapshot, 'Account.csv'))) names.set(row.Id, row.Name);
  const notifications: PartnerNotification[] = [];
  let withoutManager = 0;
  for await (const row of readCsvRows(path.join(runDir, evaluations.changesFile))) {
    if (!outcomes.get(row.Evaluation_Key__c)?.ok) continue;
    const profile = profiles.get(row.Partner_Profile__c);
    const text = message(row, names.get(profile?.accountId ?? '') ?? row.Partner_Profile__c);
    if (!text) continue;
    if (!profile?.manager) {
      withoutManager++;
      continue;
    }
    notifications.push({
      key: row.Evaluation_Key__c,
      recipientId: profile.manager,
      targetId: row.Partner_Profile__c,
      quarter: row.Quarter__c,
      ...text
    });
  }
  return { notifications, withoutManager };
}

async function alreadySent(runDir: string): Promise<Set<string>> {
  const sent = new Set<string>();
  for await (const row of readCsvRows(path.join(runDir, NOTIFICATIONS_LOG))) {
    if (row.Status === 'sent') sent.add(row.Evaluation_Key__c);
  }
  return sent;
}

interface ActionResult {
  actionName: string;
  isSuccess: boolean;
  errors: { statusCode: string; message: string }[] | null;
}

export interface NotificationResult {
  /** Notifications sent (one per manager). */
  sent: number;
  failed: number;
  /** Partners covered by the notifications sent. */
  partners: number;
  /** Partners already notified about by an earlier attempt of this run. */
  skipped: number;
}

/** Notifies each manager once about their partners not logged as notified yet, in batches; logs each partner. */
export async function sendNotifications(
  client: SalesforceClient,
  runDir: string,
  typeId: string,
  notifications: PartnerNotification[]
): Promise<NotificationResult> {
  const sent = await alreadySent(runDir);
  const pending = managerNotifications(notifications.filter((notification) => !sent.has(notification.key)));
  const log = path.join(runDir, NOTIFICATIONS_LOG);
  if (!existsSync(log)) await appendFile(log, stringify([LOG_COLUMNS]));
  const result: NotificationResult = {
    sent: 0,
    failed: 0,
    partners: 0,
    skipped: notifications.filter((notification) => sent.has(notification.key)).length
  };
  for (let start = 0; start < pending.length; start += NOTIFICATION_BATCH) {
    const batch = pending.slice(start, start + NOTIFICATION_BATCH);
    const answers = await client.json<ActionResult[]>('POST', dataPath('actions/standard/customNotificationAction'), {
      json: {
        inputs: batch.map((notification) => ({
          customNotifTypeId: typeId,
          recipientIds: [notification.recipientId],
          title: notification.title,
          body: notification.body,
          targetId: notification.targetId
        }))
      }
    });
    const lines = batch.flatMap((notification, index) => {
      const answer = answers[index];
      const ok = answer?.isSuccess === true;
      if (ok) {
        result.sent++;
        result.partners += notification.keys.length;
      } else result.failed++;
      const error = ok ? '' : (answer?.errors ?? []).map((item) => `${item.statusCode}: ${item.message}`).join('; ');
      return notification.keys.map((key) => [
        key,
        notification.recipientId,
        notification.title,
        ok ? 'sent' : 'failed',
        error
      ]);
    });
    await appendFile(log, stringify(lines));
  }
  return result;
}
