/* The English values of the project's custom labels (what `@salesforce/label/c.<Name>` gives in English). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The English value of every custom label in force-app, by name. */
export function readCustomLabels(projectRoot: string): Map<string, string> {
  const file = path.join(projectRoot, 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml');
  const labels = new Map<string, string>();
  if (!existsSync(file)) return labels;
  const parsed = new XMLParser({
    isArray: (name) => name === 'labels',
    parseTagValue: false,
    trimValues: true
  }).parse(readFileSync(file, 'utf8')) as { CustomLabels?: { labels?: { fullName: string; value: string }[] } };
  for (const label of parsed.CustomLabels?.labels ?? []) labels.set(String(label.fullName), String(label.value ?? ''));
  return labels;
}

/** A label with `{0}`, `{1}`, … replaced, as Apex's String.format and the components' formatLabel do. */
export function formatLabel(text: string, ...args: (string | number)[]): string {
  return text.replace(/\{(\d+)\}/g, (_, index: string) => String(args[Number(index)] ?? ''));
}
