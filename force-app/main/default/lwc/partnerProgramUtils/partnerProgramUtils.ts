/*
 * Small helpers shared by the partner program's components: label placeholders, error messages of
 * Apex calls and wires, and today's date. Pure TypeScript (no `lwc`/`lightning` imports).
 */

/** Replaces `{0}`, `{1}`, … in a custom label with the arguments, as Apex's String.format does. */
export function formatLabel(label: string, ...args: (string | number | null | undefined)[]): string {
  return label.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** The messages of an error from an Apex wire or call, a UI API error or a JavaScript error. */
export function errorMessages(error: unknown): string[] {
  if (!error) return [];
  const list = Array.isArray(error) ? error : [error];
  const messages: string[] = [];
  for (const item of list) {
    if (typeof item === 'string') {
      messages.push(item);
      continue;
    }
    const body = (item as { body?: unknown })?.body;
    if (Array.isArray(body)) {
      for (const entry of body) if ((entry as { message?: string })?.message) messages.push(entry.message);
    } else if (body && typeof (body as { message?: unknown }).message === 'string') {
      messages.push((body as { message: string }).message);
    } else if (typeof (item as { message?: unknown })?.message === 'string') {
      messages.push((item as { message: string }).message);
    }
  }
  return messages.filter((message) => message.trim() !== '');
}

/** Today in the browser's time zone, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A date `days` days after an ISO date (`YYYY-MM-DD`), as an ISO date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A share (0..1) as whole percent, rounded down like the CLI's reports (`partner-program explain`),
 * so 79.9 % never shows as the 80 % a rule needs.
 */
export function floorPercent(share: number): number {
  return Math.floor(share * 100);
}
