// The adoption module's public face.
export { adoptionRoutes } from './routes.ts';
export { accountAdoption, decliningAdoption, portfolioAdoption } from './service.ts';
export { decliningVerdict, type MonthOverMonth } from './figures.ts';
