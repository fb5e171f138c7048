/** Every file of a folder, as text (to check that no token was written anywhere). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function folderText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    text += statSync(file).isDirectory() ? folderText(file) : readFileSync(file, 'utf8');
  }
  return text;
}
