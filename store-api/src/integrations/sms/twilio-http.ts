import { disabledSmsTransport, type OutgoingSms, type SmsTransport } from './sms-transport.ts';

export interface SmsConfig {
  /** Base URL of a Twilio-compatible API, e.g. https://api.twilio.com */
  apiUrl?: string | undefined;
  accountSid?: string | undefined;
  authToken?: string | undefined;
  /** Sender number (E.164) or alphanumeric sender id. */
  from?: string | undefined;
  timeoutMs?: number | undefined;
}

/** An SMS provider answered with an error (status and the provider's message, never the credentials). */
export class SmsSendError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'SmsSendError';
  }
}

/**
 * Twilio-style Messages API: `POST {apiUrl}/2010-04-01/Accounts/{sid}/Messages.json` with a form body
 * `To, From, Body` and HTTP basic auth (sid:token). Off (a no-op transport) unless every setting is there.
 */
export function createSmsTransport(config: SmsConfig): SmsTransport {
  const { apiUrl, accountSid, authToken, from } = config;
  if (!apiUrl || !accountSid || !authToken || !from) return disabledSmsTransport;
  const endpoint = `${apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const timeoutMs = config.timeoutMs ?? 15_000;
  return {
    enabled: true,
    async send(sms: OutgoingSms) {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ To: sms.to, From: from, Body: sms.body }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      let json: { sid?: unknown; message?: unknown; code?: unknown } = {};
      try {
        json = text ? JSON.parse(text) : {};
      } catch {
        // not JSON: keep the status only
      }
      if (!res.ok) {
        const detail = typeof json.message === 'string' ? json.message : text.slice(0, 200);
        throw new SmsSendError(res.status, `SMS provider answered ${res.status}: ${detail}`);
      }
      return { status: 'sent', providerId: typeof json.sid === 'string' ? json.sid : null };
    },
  };
}
