/**
 * Imported first by main.tsx, before the typed client builds its contracts. zod 4 probes whether it
 * may compile parsers with `new Function` when it builds its first object schema; under the shop's
 * CSP (no 'unsafe-eval') that probe is reported as a CSP violation (Lighthouse best practices: 96).
 * The shop never parses answers in the browser, so the compiled parsers would bring nothing.
 */
import { z } from 'zod';

z.config({ jitless: true });
