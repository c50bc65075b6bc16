// Types for the tests that import scripts/web-build.mjs (plain JavaScript, run before tsx loads).
export function webSourcesHash(root?: string): string;
export function isWebBuildCurrent(root?: string): boolean;
export function stampWebBuild(hash: string, root?: string): void;
export function buildWeb(): void;
