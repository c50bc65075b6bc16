import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const webDir = fileURLToPath(new URL('..', import.meta.url));

/** Code the sign-in page never needs: other features' pages, the signed-in shell, the other language, signed-in pages' libraries. */
function isSignedInCode(moduleId: string): boolean {
  const path = relative(webDir, moduleId).replaceAll('\\', '/');
  return (
    (/^features\//.test(path) && !path.startsWith('features/sign-in/')) ||
    /^app\/(SignedInShell|MainMenu|menu)\./.test(path) ||
    /^lib\/signed-in\//.test(path) ||
    /^locales\/en(\.ts|\/)/.test(path) ||
    /[\\/]node_modules[\\/](libphonenumber-js|qrcode)[\\/]/.test(moduleId)
  );
}

describe('the sign-in page bundle', () => {
  let chunks: Rolldown.OutputChunk[];
  beforeAll(async () => {
    // Built in memory from the current sources, so a stale web/dist cannot hide a regression.
    const result = await build({ configFile: `${webDir}vite.config.ts`, logLevel: 'silent', build: { write: false } });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    chunks = outputs.flatMap((o) => o.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  });

  /** The chunks a first visit to /sign-in in Swedish loads: the entry, the page, the language and all they import statically. */
  function signInGraph(): Rolldown.OutputChunk[] {
    const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const facade = (source: string) => {
      const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(source));
      if (!chunk) throw new Error(`no chunk for ${source}`);
      return chunk;
    };
    const roots = [chunks.find((c) => c.isEntry)!, facade('/features/sign-in/SignInPage.tsx'), facade('/locales/sv.ts')];
    const seen = new Set<Rolldown.OutputChunk>();
    const visit = (chunk: Rolldown.OutputChunk) => {
      if (seen.has(chunk)) return;
      seen.add(chunk);
      for (const file of chunk.imports) visit(byFile.get(file)!);
    };
    roots.forEach(visit);
    return [...seen];
  }

  it('loads no signed-in page, shell or library, nor the other language', () => {
    const graph = signInGraph();
    expect(graph.some((chunk) => chunk.moduleIds.some((id) => id.endsWith('/features/sign-in/CredentialsStep.tsx')))).toBe(true);
    const signedIn = graph.flatMap((chunk) => chunk.moduleIds.filter(isSignedInCode).map((id) => `${chunk.fileName}: ${relative(webDir, id)}`));
    expect(signedIn).toEqual([]);
  });

  it('keeps the signed-in shell and pages reachable, as chunks of their own', () => {
    const dynamic = new Set(chunks.flatMap((chunk) => chunk.dynamicImports));
    const shell = chunks.find((c) => c.facadeModuleId?.endsWith('/app/SignedInShell.tsx'));
    const english = chunks.find((c) => c.facadeModuleId?.endsWith('/locales/en.ts'));
    expect(shell && dynamic.has(shell.fileName)).toBe(true);
    expect(english && dynamic.has(english.fileName)).toBe(true);
  });
});
