import { readFileSync } from 'node:fs';
import { main } from '../cli/main.ts';
import { captureIo } from './helpers/snapshot-builder.ts';

describe('README', () => {
  it('shows output that `npm run evaluate` really prints (every excerpt line, in order)', async () => {
    const readme = readFileSync('README.md', 'utf8');
    const excerpt = /```\n(Quarterly tier evaluation[\s\S]*?)```/.exec(readme)![1];
    const io = captureIo();
    expect(await main(['evaluate', '--snapshot', 'data/sample'], io)).toBe(0);
    const output = io.out.split('\n');
    let position = 0;
    for (const line of excerpt.split('\n').filter((text) => text.trim() !== '' && text.trim() !== '…')) {
      const found = output.indexOf(line, position);
      expect({ line, found: found >= 0 }).toEqual({ line, found: true });
      position = found + 1;
    }
  });

  it('gives the two fresh-machine commands near the top', () => {
    const top = readFileSync('README.md', 'utf8').split('\n').slice(0, 30).join('\n');
    expect(top).toContain('npm install && npm run evaluate');
    expect(top).toContain('npm test');
  });
});
