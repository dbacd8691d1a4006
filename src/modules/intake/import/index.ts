// CSV import of accounts, contacts and historical usage: one importer behind the CLI
// (`steward import`) and the web app's job (Settings → Import).
export { importRoutes, importBodyLimit } from './routes.ts';
export { importJobs, runImport } from './job.ts';
export { importCsv, type ImportOutcome, type ImportRequest, type Rejection } from './importer.ts';
export { mappingFromPairs, type ImportEntity } from './fields.ts';
export { importPresetNames, type ImportPresetName } from './presets.ts';
export { progressBar } from './progress.ts';
export { rejectionReason, type RowProblem } from './problems.ts';
