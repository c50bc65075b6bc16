export { createCodeWords, type CodeWordsDeps, type CodeWordsService } from './codewords.service.ts';
export { codeWordsRoutes } from './codewords.routes.ts';
