// The demo workspace's public face (seeded by seed.ts).
export { demoLogins, hasAnyWorkspace, seedDemoWorkspace } from './seed.ts';
