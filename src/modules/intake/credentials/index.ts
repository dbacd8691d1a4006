// Intake's credentials (Stripe and help desk webhook secrets, Segment write keys): one store.
export {
  addCredential,
  describeCredential,
  listCredentials,
  makeCredential,
  liveCredentials,
  revokeCredential,
  rotateCredential,
  sealPlainSecrets,
  workspaceOfCredential,
  type CredentialKind,
  type MadeCredentialKind,
} from './service.ts';
