// The host derivation's text in English: the line the sizing wrote, which is English already
// (sizing/derive-host.ts, plan/choose-hosts.ts). Another language says the same from the steps.
import type { DerivationStep } from '../../domain/plan.ts';

/** A derivation line in one language, by step code, from its params. */
export type DerivationTexts = Readonly<Record<string, (params: DerivationStep['params']) => string>>;

export const derivationEn: DerivationTexts = {};
