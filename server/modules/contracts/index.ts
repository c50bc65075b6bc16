export { createContracts, type ContractsDeps, type ContractsService, type ContractRecord } from './contracts.service.ts';
export { contractsRoutes } from './contracts.routes.ts';
