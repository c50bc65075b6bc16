export { createOverview, type OverviewDeps, type OverviewService } from './overview.service.ts';
export { overviewRoutes } from './overview.routes.ts';
