/** Parameter checks the endpoints share; failures read like Stripe's invalid_request_error answers. */
import { invalid } from './common.ts';
import type { Json } from './types.ts';

export function allowOnly(params: Json, allowed: string[]) {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw invalid(`Received unknown parameter: ${key}`, 'parameter_unknown', key);
  }
}

export function integerParam(params: Json, name: string, required: boolean): number | undefined {
  const raw = params[name];
  if (raw === undefined) {
    if (required) throw invalid(`Missing required param: ${name}.`, 'parameter_missing', name);
    return undefined;
  }
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw)) {
    throw invalid(`Invalid integer: ${String(raw)}`, 'parameter_invalid_integer', name);
  }
  return Number(raw);
}

export function metadataParam(params: Json): Record<string, string> {
  const raw = params.metadata;
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw invalid('Invalid hash', 'parameter_invalid', 'metadata');
  const entries = Object.entries(raw as Json);
  if (entries.length > 50)
    throw invalid('Metadata can have at most 50 keys.', 'parameter_invalid', 'metadata');
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (typeof v !== 'string') throw invalid('Invalid metadata value', 'parameter_invalid', `metadata[${k}]`);
    if (k.length > 40)
      throw invalid('Metadata keys can be at most 40 characters.', 'parameter_invalid', 'metadata');
    if (v.length > 500)
      throw invalid('Metadata values can be at most 500 characters.', 'parameter_invalid', 'metadata');
    if (v !== '') out[k] = v;
  }
  return out;
}

export function enumParam(params: Json, name: string, values: string[]): string | undefined {
  const raw = params[name];
  if (raw === undefined || raw === '') return undefined;
  if (!values.includes(raw)) {
    throw invalid(`Invalid ${name}: must be one of ${values.join(', ')}`, 'parameter_invalid', name);
  }
  return raw;
}
