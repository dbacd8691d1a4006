// Branded ids: an account id cannot be passed where a user id belongs.

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type WorkspaceId = Brand<string, 'WorkspaceId'>;
export type UserId = Brand<string, 'UserId'>;
export type AccountId = Brand<string, 'AccountId'>;
export type ContactId = Brand<string, 'ContactId'>;
export type SegmentId = Brand<string, 'SegmentId'>;
