// The workspace export's public face: the data of every module below, out, as JSON and CSV.
export { exportRoutes } from './routes/index.ts';
export { exportCsv, exportDocument, exportFileName, inSnapshot } from './service.ts';
export { exportEntities, type ExportEntity } from './entities.ts';
