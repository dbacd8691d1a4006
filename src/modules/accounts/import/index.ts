// CSV import of accounts and contacts: one importer behind the CLI and the web app's job.
export { importRoutes } from './routes.ts';
export { accountJobs, runImport } from './job.ts';
export { importCsv, type ImportOutcome, type ImportRequest, type Rejection } from './importer.ts';
export { mappingFromPairs, type ImportEntity } from './fields.ts';
export { progressBar } from './progress.ts';
