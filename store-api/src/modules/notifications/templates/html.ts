import { type Currency, formatMoney } from '@shoebox/shared';
import { z } from 'zod';

/** A rendered message: the subject and both bodies of a multipart/alternative mail. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeHtml = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => htmlEscapes[c]!);

/**
 * A tagged template that HTML-escapes every interpolated value unless it is already `SafeHtml`
 * (built by this tag or `raw`). Templates build HTML only through it, so a customer name like
 * `<script>` can never reach a mail as markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

const renderValue = (v: HtmlValue): string => {
  if (v == null) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(renderValue).join('');
  return escapeHtml(v as string | number);
};

export const html = (strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml => {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += renderValue(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
};

export const money = (amountMinor: number, currency: Currency): string => formatMoney(amountMinor, currency);

/** Subjects and header-bound text stay on one line whatever a payload carries. */
export const oneLine = (s: string): string => s.replace(/[\r\n\t]+/g, ' ').trim();

export const shopName = 'Shoebox';

/** The shared frame of every HTML mail: inline styles only (mail clients drop <style> and classes). */
export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f6f4f1;font-family:Helvetica,Arial,sans-serif;color:#222">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f4f1"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px">
<tr><td style="padding:20px 24px;border-bottom:1px solid #eee;font-size:20px;font-weight:bold;letter-spacing:1px">${shopName}</td></tr>
<tr><td style="padding:24px;font-size:15px;line-height:1.5">${body}</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #eee;font-size:12px;color:#888">${shopName} · Questions? Just reply to this mail.</td></tr>
</table></td></tr></table>
</body>
</html>
`.value;
}

/** Plain-text bodies: lines joined with CRLF-agnostic newlines, trailing blanks removed. */
export const textLines = (lines: (string | null | undefined | false)[]): string =>
  `${lines
    .filter((l): l is string => typeof l === 'string')
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;

// ---- payload pieces shared by several templates ----

export const recipient = z.email().max(254);
export const personName = z.string().trim().min(1).max(120);
export const orderNumber = z.string().trim().min(1).max(32);
/** Only web links: a `javascript:` or `data:` URL must never become a clickable link in a mail. */
export const webUrl = z.url({ protocol: /^https?$/ }).max(2000);
export const minor = z.number().int().min(0).max(100_000_000_00);

export const address = z.object({
  name: z.string().trim().min(1).max(120),
  line1: z.string().trim().min(1).max(200),
  line2: z.string().trim().max(200).nullish(),
  postalCode: z.string().trim().max(20),
  city: z.string().trim().min(1).max(100),
  region: z.string().trim().max(100).nullish(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().trim().length(2),
});
export type Address = z.infer<typeof address>;

export const addressLines = (a: Address): string[] =>
  [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`.trim(), a.region, a.country.toUpperCase()].filter(
    (l): l is string => !!l,
  );

export const greeting = (name: string) => `Hello ${name},`;
