import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Licences a production dependency may carry: permissive ones only, since Portvakt runs as a
 * public network service (a copyleft licence such as AGPL would oblige us to publish our code).
 */
export const allowedLicences = new Set(['MIT', 'MIT-0', 'ISC', '0BSD', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'BlueOak-1.0.0', 'CC0-1.0', 'Unlicense']);

/** Whether an SPDX expression is allowed: one allowed choice of an OR suffices, every part of an AND must be. */
export function licenceAllowed(expression: string): boolean {
  const bare = expression.trim().replace(/^\((.*)\)$/, '$1');
  if (/\bOR\b/.test(bare)) return bare.split(/\bOR\b/).some(licenceAllowed);
  if (/\bAND\b/.test(bare)) return bare.split(/\bAND\b/).every(licenceAllowed);
  return allowedLicences.has(bare.trim());
}

type Manifest = {
  name: string;
  version: string;
  license?: string | { type: string };
  licenses?: { type: string }[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};

export type InstalledPackage = { name: string; version: string; licence: string; path: string };

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

function licenceOf(manifest: Manifest): string {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license) return manifest.license.type;
  if (manifest.licenses?.length) return manifest.licenses.map((l) => l.type).join(' OR ');
  return 'UNKNOWN';
}

/** Where Node would find `name` from inside `fromDir`: the nearest node_modules up the tree. */
function locate(name: string, fromDir: string, root: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/**
 * Every package the production install runs, read from the installed packages' own manifests:
 * the root's dependencies and, transitively, theirs (optional and peer ones when installed).
 */
export function productionPackages(root: string): InstalledPackage[] {
  const found = new Map<string, InstalledPackage>();
  const visit = (dir: string) => {
    const manifest = readManifest(dir);
    const required = Object.keys(manifest.dependencies ?? {});
    const ifPresent = [...Object.keys(manifest.optionalDependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
    for (const name of [...required, ...ifPresent]) {
      const path = locate(name, dir, root);
      if (!path) {
        if (required.includes(name) && !ifPresent.includes(name)) throw new Error(`${manifest.name} needs ${name}, which is not installed`);
        continue;
      }
      if (found.has(path)) continue;
      const dependency = readManifest(path);
      found.set(path, { name: dependency.name, version: dependency.version, licence: licenceOf(dependency), path });
      visit(path);
    }
  };
  visit(root);
  return [...found.values()];
}
