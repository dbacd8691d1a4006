// The adoption module's public face.
export { adoptionRoutes } from './routes.ts';
export { accountAdoption, decliningAdoption, portfolioAdoption } from './service.ts';
export { addDays, daysBetween, decliningVerdict, type MonthOverMonth } from './figures.ts';
export { adoptionOverview } from './service.ts';
export { median, timeToValue, valueEventThreshold } from './figures.ts';
