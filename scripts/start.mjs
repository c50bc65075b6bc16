// `npm start`: the web portal rebuilt only when its sources changed, then the server from the
// TypeScript sources in this same process, so a SIGTERM to npm reaches the server itself.
import { register } from 'tsx/esm/api';
import { buildWeb, isWebBuildCurrent } from './web-build.mjs';

if (!isWebBuildCurrent()) buildWeb();
register();
await import('../server/main.ts');
