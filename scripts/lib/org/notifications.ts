/*
 * After an apply, partner managers get a custom notification (type Partner_Tier_Change) for each of
 * their partners whose evaluation this run wrote and that was promoted, demoted, started a grace
 * period or is near an upgrade. Sent in batches through the customNotificationAction standard action;
 * every notification sent is logged in notifications.csv, and a resumed run sends only the rest.
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
}

export async function notificationTypeId(client: SalesforceClient): Promise<string | null> {
  const [record] = await queryAll(
    client,
    `SELECT Id FROM CustomNotificationType WHERE DeveloperName = '${NOTIFICATION_TYPE}'`
  );
  return record ? String(record.Id) : null;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function message(row: Record<string, string>, name: string): { title: string; body: string } | null {
  const lines: string[] = [];
  let title: string | null = null;
  const outcome = row.Outcome__c;
  if (outcome === 'Promoted' || outcome === 'Demoted') {
    title = `${name}: ${outcome.toLowerCase()} to ${row.Resulting_Tier__c}`;
    lines.push(`${row.Quarter__c}: ${row.Previous_Tier__c} → ${row.Resulting_Tier__c}.`);
  } else if (outcome === 'Grace') {
    title = `${name}: grace period until ${row.Grace_Until__c}`;
    lines.push(
      `${row.Quarter__c}: keeps ${row.Resulting_Tier__c} until ${row.Grace_Until__c}; a written recovery plan is required.`
    );
  }
  if (row.Near_Upgrade__c === 'true') {
    title ??= `${name}: near upgrade to ${row.Next_Tier__c}`;
    lines.push(`Near upgrade: ${row.Progress__c} % of the way to ${row.Next_Tier__c}.`);
  }
  if (title === null) return null;
  if (row.Summary__c) lines.push(row.Summary__c);
  return { title: clip(title, MAX_TITLE), body: clip(lines.join(' '), MAX_BODY) };
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
  sent: number;
  failed: number;
  skipped: number;
}

/** Sends the notifications not logged as sent yet, in batches; logs each one. */
export async function sendNotifications(
  client: SalesforceClient,
  runDir: string,
  typeId: string,
  notifications: PartnerNotification[]
): Promise<NotificationResult> {
  const sent = await alreadySent(runDir);
  const pending = notifications.filter((notification) => !sent.has(notification.key));
  const log = path.join(runDir, NOTIFICATIONS_LOG);
  if (!existsSync(log)) await appendFile(log, stringify([LOG_COLUMNS]));
  const result: NotificationResult = { sent: 0, failed: 0, skipped: notifications.length - pending.length };
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
    const lines = batch.map((notification, index) => {
      const answer = answers[index];
      const ok = answer?.isSuccess === true;
      if (ok) result.sent++;
      else result.failed++;
      const error = ok ? '' : (answer?.errors ?? []).map((item) => `${item.statusCode}: ${item.message}`).join('; ');
      return [notification.key, notification.recipientId, notification.title, ok ? 'sent' : 'failed', error];
    });
    await appendFile(log, stringify(lines));
  }
  return result;
}
