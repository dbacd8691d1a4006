// The auth module's public face.
export { authenticate } from './routes/authenticate.ts';
export { authRoutes } from './routes/auth.ts';
export { actorOf } from './routes/actor.ts';
export { sessionCookie } from './sessions.ts';
export { recordAudit, recordEdit, diff, type ChangeAuthor } from './audit.ts';
export {
  auditActions,
  auditEntityTypes,
  type AuditAction,
  type AuditEntityType,
} from './auditActions.ts';
export { createUser } from './users.ts';
export { createUserBody, newPassword } from './schema.ts';
export { hashPassword } from './passwords.ts';
export { passwordResetLetter, setPassword } from './passwordChanges.ts';
export { authCrontab, authJobs } from './jobs.ts';
export { permissions, rolePermissions, type Permission } from './permissions.ts';
export { managerChain } from './store.ts';
export { listUsers } from './users.ts';
