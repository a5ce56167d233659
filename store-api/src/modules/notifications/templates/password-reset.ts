import { z } from 'zod';
import {
  greeting,
  html,
  layout,
  personName,
  type RenderedMail,
  recipient,
  textLines,
  webUrl,
} from './html.ts';

export const passwordResetTopic = 'mail.password_reset';

/** A one-time password reset: the link (shoppers) or the code to paste (staff, in the desktop app). */
export const passwordResetPayload = z.object({
  to: recipient,
  name: personName,
  /** The reset token; staff paste it into the sign-in screen's "forgotten password" form. */
  token: z.string().min(20).max(2000),
  /** The storefront page that takes the token, for shoppers. */
  link: webUrl.nullish(),
  /** When the link stops working (ISO 8601). */
  expiresAt: z.iso.datetime(),
});
export type PasswordResetPayload = z.input<typeof passwordResetPayload>;

const utcTime = (iso: string) => `${new Date(iso).toUTCString().slice(0, -7)} UTC`;

export function renderPasswordReset(p: z.output<typeof passwordResetPayload>): RenderedMail {
  const subject = 'Reset your Shoebox password';
  const until = utcTime(p.expiresAt);
  const ignore = 'If you did not ask for this, ignore this e-mail: your password stays as it is.';
  const text = textLines([
    greeting(p.name),
    '',
    p.link
      ? `To choose a new password, open this link before ${until}: ${p.link}`
      : `To choose a new password, paste this code into the Shoebox sign-in screen ("Forgotten password") before ${until}:`,
    p.link ? null : '',
    p.link ? null : p.token,
    '',
    'The link works once.',
    ignore,
    '',
    'The Shoebox team',
  ]);
  const body = html`<p>${greeting(p.name)}</p>
${
  p.link
    ? html`<p><a href="${p.link}" style="color:#a0522d">Choose a new password</a> (before ${until}; the link works once).</p>`
    : html`<p>Paste this code into the Shoebox sign-in screen ("Forgotten password") before ${until}:</p><p style="word-break:break-all;font-family:monospace">${p.token}</p>`
}
<p>${ignore}</p>
<p>The Shoebox team</p>`;
  return { subject, text, html: layout(subject, body) };
}
