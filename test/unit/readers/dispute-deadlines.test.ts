import { describe, expect, it } from 'vitest';
import { readChargebacksApi } from '../../../lib/readers/chargebacks-api';
import { readClaimsApi } from '../../../lib/readers/claims-api';

const ctx = { observedAt: Date.UTC(2026, 10, 26), marketplaceId: 'ATVPDKIKX0DER' };

describe('claims and chargebacks: the response deadline when the JSON gives it', () => {
  it('reads "respond by" on claims and chargebacks, and leaves it unknown otherwise', () => {
    const claims = readClaimsApi(
      JSON.stringify({
        claims: [
          { claimId: 'C1', orderId: '111-0000001-0000000', filingDate: '2026-11-25T10:00:00Z', status: 'PENDING', respondByDate: '2026-11-28T10:00:00Z' },
          { claimId: 'C2', orderId: '111-0000002-0000000', filingDate: '2026-11-25T10:00:00Z', status: 'DENIED' },
        ],
      }),
      ctx,
    );
    expect(claims.ok && claims.batch.defects.map((d) => d.responseDeadline)).toEqual([Date.UTC(2026, 10, 28, 10), undefined]);
    const chargebacks = readChargebacksApi(
      JSON.stringify({
        chargebacks: [
          { id: 'CB1', status: 'OPEN', filingDate: '2026-11-20T00:00:00Z', responseDueDate: 1796000000, relatedOrders: [{ orderId: '111-0000003-0000000' }] },
        ],
      }),
      ctx,
    );
    expect(chargebacks.ok && chargebacks.batch.defects[0]!.responseDeadline).toBe(1_796_000_000_000);
  });
});
