/** SMS: the Twilio-style form POST, refusals retried, and skipping when SMS is not configured. */
import { describe, expect, it } from 'vitest';
import { testDialect } from '../../test-support/harness.ts';
import { startSmsApi, useNotificationsApp } from '../../test-support/notifications-fixtures.ts';

describe(`notifications: transactional outbox, mail and SMS (${testDialect})`, () => {
  const { service, put, row } = useNotificationsApp();

  it('sends SMS as a Twilio-style form POST with basic auth when configured', async () => {
    const api = await startSmsApi();
    try {
      const n = service({
        sms: { apiUrl: `${api.url}/`, accountSid: 'AC123', authToken: 'tok', from: '+15005550006' },
      });
      expect(n.smsEnabled).toBe(true);
      const id = await put('sms.order_shipped', {
        to: '+353861234567',
        orderNumber: 'SB-42',
        carrier: 'House carrier',
        trackingUrl: 'https://track.example.com/HC1',
      });
      expect(await n.drain()).toMatchObject({ sent: 1 });
      expect(api.requests).toHaveLength(1);
      const req = api.requests[0]!;
      expect(req.method).toBe('POST');
      expect(req.url).toBe('/2010-04-01/Accounts/AC123/Messages.json');
      expect(req.type).toBe('application/x-www-form-urlencoded');
      expect(req.auth).toBe(`Basic ${Buffer.from('AC123:tok').toString('base64')}`);
      expect(req.body.get('To')).toBe('+353861234567');
      expect(req.body.get('From')).toBe('+15005550006');
      expect(req.body.get('Body')).toBe(
        'Shoebox: your order SB-42 is on its way with House carrier. Track it: https://track.example.com/HC1',
      );
      expect(await row(id)).toMatchObject({ status: 'sent', lastError: null });
    } finally {
      await api.close();
    }
  });

  it('retries an SMS the provider refuses, with its message as the error', async () => {
    const api = await startSmsApi(400);
    try {
      const n = service({
        sms: { apiUrl: api.url, accountSid: 'AC1', authToken: 'tok', from: '+15005550006' },
      });
      const id = await put('sms.order_shipped', { to: '+353861234567', orderNumber: 'SB-43', carrier: 'HC' });
      expect(await n.drain()).toMatchObject({ retried: 1 });
      expect(await row(id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: "SMS provider answered 400: The 'To' number is not a valid phone number.",
      });
    } finally {
      await api.close();
    }
  });

  it('skips SMS with "sms disabled" when SMS is not configured', async () => {
    const n = service({ sms: { apiUrl: 'http://127.0.0.1:9', accountSid: 'AC1' } });
    expect(n.smsEnabled).toBe(false);
    const id = await put('sms.order_shipped', { to: '+353861234567', orderNumber: 'SB-44', carrier: 'HC' });
    expect(await n.drain()).toMatchObject({ claimed: 1, skipped: 1, sent: 0 });
    const r = await row(id);
    expect(r.status).toBe('skipped');
    expect(r.lastError).toMatch(/^sms disabled/);
    expect(await n.drain()).toMatchObject({ claimed: 0 });
  });
});
