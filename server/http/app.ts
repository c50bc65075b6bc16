import { registerRequestLog } from './plugins/request-log.ts';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Services } from '../services.ts';
import { devInboxRoutes } from '../modules/notifications/index.ts';
import { identityRoutes } from '../modules/identity/index.ts';
import { guardInstallationRoutes, installationsRoutes } from '../modules/installations/index.ts';
import { codeWordsRoutes } from '../modules/codewords/index.ts';
import { contactsRoutes } from '../modules/contacts/index.ts';
import { contractsRoutes } from '../modules/contracts/index.ts';
import { overviewRoutes } from '../modules/overview/index.ts';
import { registerHttpMetrics } from './metrics.ts';
import { opsRoutes } from './ops.routes.ts';
import { publicRoutes } from './public.routes.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerProblemHandlers, sendFrameworkProblem } from './plugins/problem.ts';
import { registerRejectNul } from './plugins/reject-nul.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { cookieNames, registerSession } from './plugins/session.ts';

export interface AppOptions {
  services: Services;
  /** Whether the process is draining (readiness answers 503). */
  isShuttingDown?: () => boolean;
  /** Sees every route as it is registered (the authorization matrix test lists them). */
  onRoute?: (route: RouteOptions) => void;
  /** Extra routes (the SPA) registered at the root after the API. */
  extend?: (app: FastifyInstance) => Promise<void> | void;
}

/** Build the HTTP app without listening: `inject` in tests, `listen` in main.ts. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Request ids in logs tie a user's complaint to the lines that matter.
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: sendFrameworkProblem,
    // registerRequestLog writes one line per request instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app, services.databaseAvailability);
  registerRejectNul(app);
  registerRequestLog(app);
  registerSecurityHeaders(app, { hsts: config.isProduction });
  registerHttpMetrics(app, services.metrics.registry);
  const isShuttingDown = options.isShuttingDown ?? (() => false);
  // While draining, each answer ends its keep-alive connection: clients open their next one to
  // another node, and the server's close is not kept waiting by idle connections.
  app.addHook('onSend', async (_request, reply) => {
    if (isShuttingDown()) reply.header('connection', 'close');
  });

  await app.register(cookie);
  const names = cookieNames(config.cookieSecure);
  await registerOpenApi(app, { publicUrl: config.publicUrl, sessionCookie: names.session });
  await app.register(
    async (api) => {
      registerSession(api, services.identity, names);
      publicRoutes(api, { config });
      identityRoutes(api, {
        identity: services.identity,
        cookies: names,
        cookieSecure: config.cookieSecure,
        trustedDeviceSeconds: config.auth.trustedDeviceSeconds,
      });
      if (config.devInbox) devInboxRoutes(api, { db: services.db });
      // One scope whose guard checks every installation route against the permission table.
      await api.register(async (scope) => {
        guardInstallationRoutes(scope, services.installations.service);
        installationsRoutes(scope, services.installations);
        codeWordsRoutes(scope, services.codeWords);
        contactsRoutes(scope, services.contacts);
        contractsRoutes(scope, services.contracts);
        overviewRoutes(scope, services.overview);
      });
    },
    { prefix: '/api/v1' },
  );
  opsRoutes(app, { db: services.db, availability: services.databaseAvailability, registry: services.metrics.registry, isShuttingDown });
  await options.extend?.(app);
  return app;
}
