// The adoption module's public face.
export { adoptionRoutes } from './routes.ts';
export {
  accountAdoption,
  decliningAdoption,
  portfolioAdoption,
  usageMonthOverMonth,
} from './service.ts';
export { decliningVerdict, type MonthOverMonth } from './figures.ts';
// Day arithmetic lives in lib/calendar.ts; re-exported here for the demo seed, which still
// imports it from adoption.
export { addDays } from '../../../lib/calendar.ts';
export { adoptionOverview } from './service.ts';
export { median, timeToValue, valueEventThreshold } from './figures.ts';
export { usageDaysBetween } from './store.ts';
