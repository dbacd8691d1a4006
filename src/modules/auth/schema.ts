// The shapes of people, sessions and tokens at the HTTP edge.
import { z } from '@hono/zod-openapi';
import { localeSchema, type MessageKey } from '../../i18n/index.ts';
import { roleSchema } from '../../lib/vocabulary.ts';
import { permissions } from './permissions.ts';

export { roleSchema };
export const permissionSchema = z.enum(permissions);
export const themeSchema = z.enum(['system', 'light', 'dark']);

export const timezoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'auth.field.timeZone' satisfies MessageKey },
);

export const loginBody = z
  .object({ email: z.email(), password: z.string().min(1).max(200) })
  .openapi('LoginRequest');

export const meSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    permissions: z.array(permissionSchema),
    timezone: z.string(),
    locale: localeSchema,
    theme: themeSchema,
    managerId: z.uuid().nullable(),
    workspace: z.object({ id: z.uuid(), name: z.string(), isDemo: z.boolean() }),
  })
  .openapi('Me');

export const updateMeBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    timezone: timezoneSchema,
    locale: localeSchema,
    theme: themeSchema,
  })
  .partial()
  .strict()
  .openapi('UpdateMe');

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    managerId: z.uuid().nullable(),
    timezone: z.string(),
    deactivated: z.boolean(),
  })
  .openapi('User');

export const newPassword = z
  .string()
  .min(10, 'auth.field.passwordTooShort' satisfies MessageKey)
  .max(200);

export const createUserBody = z
  .object({
    email: z.email(),
    name: z.string().trim().min(1).max(200),
    role: roleSchema,
    managerId: z.uuid().nullable().default(null),
    password: newPassword,
    timezone: timezoneSchema.default('UTC'),
  })
  .strict()
  .openapi('CreateUser');

export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: roleSchema,
    managerId: z.uuid().nullable(),
    timezone: timezoneSchema,
    deactivated: z.boolean(),
  })
  .partial()
  .strict()
  .openapi('UpdateUser');

export const apiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(permissionSchema),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
  })
  .openapi('ApiToken');

export const createApiTokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(permissionSchema).min(1),
    expiresAt: z.iso.datetime().nullable().default(null),
  })
  .strict()
  .openapi('CreateApiToken');

export const createdApiTokenSchema = apiTokenSchema
  .extend({ token: z.string().openapi({ description: 'Shown once; store it now.' }) })
  .openapi('CreatedApiToken');

export type CreateUser = z.infer<typeof createUserBody>;
export type UpdateUser = z.infer<typeof updateUserBody>;
export type UpdateMe = z.infer<typeof updateMeBody>;
export type CreateApiToken = z.infer<typeof createApiTokenBody>;

export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword })
  .strict()
  .openapi('ChangePassword');

export const setUserPasswordBody = z
  .object({ password: newPassword })
  .strict()
  .openapi('SetUserPassword');

export const requestPasswordResetBody = z
  .object({ email: z.email().max(320) })
  .strict()
  .openapi('RequestPasswordReset');

export const resetPasswordBody = z
  .object({ token: z.string().min(1).max(300), password: newPassword })
  .strict()
  .openapi('ResetPassword');
