/*
 * Rollup plugin: local stand-ins for the modules an org provides to components.
 *
 * - `@salesforce/apex/<Class>.<method>`: callable and wireable, answered by the preview server
 *   (standins/apex-runtime.js); `@salesforce/apex` gives refreshApex and getSObjectValue.
 * - `@salesforce/label/c.<Name>`: the label's real English value from
 *   force-app/main/default/labels/CustomLabels.labels-meta.xml (an unknown label fails the build, as
 *   it fails a deploy).
 * - `@salesforce/schema/<Object>[.<Field>]`: `{ objectApiName[, fieldApiName] }`, as on the platform.
 * - `@salesforce/user/Id`, `@salesforce/user/isGuest`, `@salesforce/community/Id|basePath`,
 *   `@salesforce/customPermission/*`, `@salesforce/userPermission/*`: the emulated viewer (a partner
 *   manager, or a partner user on the partner site: `?as=partner`).
 * - `lightning/platformShowToastEvent`, `lightning/refresh`, `lightning/navigation` (the npm package's
 *   delegates to force/navigation, which only an org has): events the preview page handles.
 * - `lightning/fileUpload` (not in the npm package: uploading needs an org): an SLDS file selector
 *   whose files the preview server counts as linked to the record (standins/lwc/fileUpload).
 * - `lightning/iconSvgTemplates<Category>[Rtl]`: the base components' inline SVG icon libraries, cut
 *   down to the icons that the project's components and the base components name (`utility:success`,
 *   …). The full libraries are several thousand compiled templates, most of the build's time and size.
 * - `@salesforce/gate/bc.260.enableComboboxElementInternals`: closed. The npm package opens every
 *   gate; this one makes lightning-combobox call attachInternals(), which synthetic shadow refuses
 *   (a page error); the combobox works the same without it.
 * Everything else `lightning/*` comes from the npm package lightning-base-components.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';
import { readCustomLabels } from './labels.ts';

const PREFIX = '\0standin:';

/** Feature gates of lightning-base-components the preview closes (see above). */
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

const ICON_NAME = /\b(utility|standard|action|doctype|custom):([a-z0-9_]+)\b/g;

/** Every icon name written in the given folders' .html, .js and .ts files (the icon libraries excluded). */
export function iconNamesIn(dirs: string[]): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('iconSvgTemplates') && entry.name !== 'node_modules') visit(file);
      } else if (/\.(html|js|ts)$/.test(entry.name)) {
        for (const match of readFileSync(file, 'utf8').matchAll(ICON_NAME)) names.add(`${match[1]}:${match[2]}`);
      }
    }
  };
  dirs.forEach(visit);
  // lightning-toast names its icon from its variant.
  for (const variant of ['success', 'warning', 'error', 'info']) names.add(`utility:${variant}`);
  return names;
}

/** `lightning/iconSvgTemplatesUtilityRtl` → its folder and the category of its icons. */
function iconLibrary(lightningDir: string, source: string): { dir: string; category: string } | null {
  const match = /^lightning\/(iconSvgTemplates(Utility|Standard|Action|Doctype|Custom)(Rtl)?)$/.exec(source);
  if (!match) return null;
  return {
    dir: path.join(lightningDir, match[1], 'buildTemplates', match[2].toLowerCase()),
    category: match[2].toLowerCase()
  };
}

function viewerExpression(property: string): string {
  return `((globalThis.__PREVIEW__ || {}).${property})`;
}

export function standIns(options: { projectRoot: string; standInDir: string; lightningDir: string }): Plugin {
  const labels = readCustomLabels(options.projectRoot);
  const icons = iconNamesIn([
    path.join(options.projectRoot, 'force-app', 'main', 'default', 'lwc'),
    options.lightningDir
  ]);
  const runtime = JSON.stringify(path.join(options.standInDir, 'apex-runtime.js'));
  const files: Record<string, string> = {
    'lightning/platformShowToastEvent': path.join(options.standInDir, 'toast.js'),
    'lightning/navigation': path.join(options.standInDir, 'navigation.js'),
    'lightning/refresh': path.join(options.standInDir, 'refresh.js'),
    'lightning/fileUpload': path.join(options.standInDir, 'lwc', 'fileUpload', 'fileUpload.js')
  };
  const handled = /^@salesforce\/(apex|label\/c\.|schema\/|user\/|community\/|customPermission\/|userPermission\/)/;

  return {
    name: 'preview-stand-ins',
    resolveId(source) {
      if (files[source]) return files[source];
      if (CLOSED_GATES.has(source)) return PREFIX + source;
      if (iconLibrary(options.lightningDir, source)) return PREFIX + source;
      if (source === '@salesforce/apex' || handled.test(source)) return PREFIX + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const source = id.slice(PREFIX.length);
      const library = iconLibrary(options.lightningDir, source);
      if (library) {
        const names = [...icons]
          .filter((icon) => icon.startsWith(`${library.category}:`))
          .map((icon) => icon.slice(library.category.length + 1))
          .filter((name) => existsSync(path.join(library.dir, `${name}.html`)));
        return (
          names
            .map((name, index) => `import icon${index} from ${JSON.stringify(path.join(library.dir, `${name}.html`))};`)
            .join('\n') +
          `\nexport default { ${names.map((name, index) => `${JSON.stringify(`${library.category}_${name}`)}: icon${index}`).join(', ')} };\n`
        );
      }
      if (CLOSED_GATES.has(source)) return 'export default { isOpen: () => false };';
      if (source === '@salesforce/apex') return `export { refreshApex, getSObjectValue } from ${runtime};`;
      const [, kind, rest] = /^@salesforce\/([^/]+)\/(.*)$/.exec(source) ?? [];
      switch (kind) {
        case 'apex':
          if (!/^\w+\.\w+$/.test(rest)) this.error(`${source}: expected @salesforce/apex/<Class>.<method>.`);
          return `import { apexMethod } from ${runtime};\nexport default apexMethod(${JSON.stringify(rest)});`;
        case 'label': {
          const name = rest.slice('c.'.length);
          const value = labels.get(name);
          if (value === undefined) {
            this.error(
              `${source}: no custom label ${name} in force-app/main/default/labels/CustomLabels.labels-meta.xml.`
            );
          }
          return `export default ${JSON.stringify(value)};`;
        }
        case 'schema': {
          const [objectApiName, ...field] = rest.split('.');
          const value = field.length > 0 ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
          return `export default ${JSON.stringify(value)};`;
        }
        case 'user':
          if (rest === 'Id') return `export default ${viewerExpression('userId')};`;
          if (rest === 'isGuest') return 'export default false;';
          return this.error(`${source}: the preview has no stand-in for this module.`);
        case 'community':
          if (rest === 'Id') return `export default ${viewerExpression('communityId')};`;
          if (rest === 'basePath') return `export default ${viewerExpression('communityBasePath')};`;
          return this.error(`${source}: the preview has no stand-in for this module.`);
        case 'customPermission':
        case 'userPermission':
          // A partner manager holds the program's permissions; a partner user holds none.
          return `export default ${viewerExpression('viewer')} !== 'partner';`;
        default:
          return this.error(`${source}: the preview has no stand-in for this module.`);
      }
    }
  };
}
