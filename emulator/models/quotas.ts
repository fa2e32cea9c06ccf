/**
 * The quota table as the emulator uses it, read from sdk/spec/quotas.ts (one source): the types and default
 * limits the quota API reports, and the documented error for an exhausted type. Each kind names its quota type
 * in its hooks (`quotaType`); per-project overrides come from the admin API.
 */
import { QUOTA_TYPES, defaultQuotas, quotaExceededCodes } from "../../sdk/spec/quotas";

export interface QuotaEntry {
  readonly type: string;
  readonly quota: number;
  readonly errorCode?: string;
}

export const QUOTAS: readonly QuotaEntry[] = QUOTA_TYPES.map((type) => ({
  type,
  quota: defaultQuotas[type],
  ...(quotaExceededCodes[type] ? { errorCode: quotaExceededCodes[type] } : {}),
}));
