// The words every module shares — an account's tier, stage and priority, its health category
// and churn risk level, a person's role — each defined once, here, as a zod enum. TypeScript
// types are inferred from them (db/schema.ts too), the OpenAPI document shows them wherever a
// route uses them, and the web app's choice lists are typed from the generated API types
// (web/src/api/vocabulary.ts). A database CHECK keeps the same list in SQL.
//
// Not registered as named OpenAPI components: a `.nullable()` of a named schema would replace
// the component with its nullable form (zod-to-openapi), so they stay inline.
import { z } from '@hono/zod-openapi';

export const tierSchema = z.enum(['enterprise', 'mid_market', 'smb']);
export type Tier = z.infer<typeof tierSchema>;

export const stageSchema = z.enum(['onboarding', 'adopting', 'steady', 'renewing', 'churned']);
export type Stage = z.infer<typeof stageSchema>;

/** An account's priority, and a task's. */
export const prioritySchema = z.enum(['P0', 'P1', 'P2', 'P3']);
export type Priority = z.infer<typeof prioritySchema>;

export const healthCategorySchema = z.enum(['healthy', 'at_risk', 'critical']);
export type HealthCategory = z.infer<typeof healthCategorySchema>;

export const churnRiskLevelSchema = z.enum(['low', 'medium', 'high', 'critical']);
export type ChurnRiskLevel = z.infer<typeof churnRiskLevelSchema>;

export const roleSchema = z.enum(['admin', 'manager', 'csm', 'viewer']);
export type Role = z.infer<typeof roleSchema>;
