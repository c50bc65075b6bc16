import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json: the checkout when running the TypeScript sources, the same
 * folder when running the build in dist/ (ADR 49), so web/dist is found from either.
 */
export const projectRoot = findPackageFolder(dirname(fileURLToPath(import.meta.url)));

function findPackageFolder(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${start}`);
  }
}

/** The version operators see in `portvakt --version` and the start-up log. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
