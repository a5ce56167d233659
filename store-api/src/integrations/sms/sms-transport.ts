/** The port every SMS adapter implements. */
export interface OutgoingSms {
  /** E.164, e.g. +353861234567. */
  to: string;
  body: string;
}

export type SmsReceipt =
  | { status: 'sent'; providerId: string | null }
  /** SMS is not configured: nothing was sent, and nothing should be retried. */
  | { status: 'disabled'; reason: string };

export interface SmsTransport {
  readonly enabled: boolean;
  send(sms: OutgoingSms): Promise<SmsReceipt>;
}

/** Used when SMS_API_URL / credentials are not set: records "sms disabled" and sends nothing. */
export const disabledSmsTransport: SmsTransport = {
  enabled: false,
  async send() {
    return {
      status: 'disabled',
      reason: 'sms disabled: SMS_API_URL, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM are not all set',
    };
  },
};
