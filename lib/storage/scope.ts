import { z } from 'zod';

/**
 * Data is kept per seller account × marketplace (metrics-spec §1). A scope names one such pair.
 * The account is Seller Central's merchant id when a page reveals it, else `default` (one
 * browser profile is normally one seller).
 */
export const Scope = z.object({
  accountId: z.string().min(1).max(64),
  marketplaceId: z.string().min(1).max(32),
});
export type Scope = z.infer<typeof Scope>;

export const DEFAULT_ACCOUNT = 'default';

export function scopeKey(scope: Scope): string {
  return `${scope.accountId}|${scope.marketplaceId}`;
}

export function parseScopeKey(key: string): Scope | undefined {
  const [accountId, marketplaceId, ...rest] = key.split('|');
  if (!accountId || !marketplaceId || rest.length) return undefined;
  return { accountId, marketplaceId };
}
