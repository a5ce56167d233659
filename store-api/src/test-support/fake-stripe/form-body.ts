import { invalid } from './common.ts';
import type { Json } from './types.ts';

// ---- form decoding (the SDK's bracket notation: a[b]=1&list[0]=x&list[]=y) ----------------------

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseStripeForm(body: string): Json {
  const root: Json = {};
  if (!body) return root;
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1));
    const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
    if (!match) throw invalid(`Invalid parameter name: ${key}`, 'parameter_invalid');
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let node: Json = root;
    for (let i = 0; i < path.length; i++) {
      let segment = path[i]!;
      if (FORBIDDEN_KEYS.has(segment)) throw invalid(`Invalid parameter name: ${key}`, 'parameter_invalid');
      if (segment === '') segment = String(Object.keys(node).length);
      if (i === path.length - 1) {
        node[segment] = value;
      } else {
        if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
        node = node[segment];
      }
    }
  }
  return arraysFromIndexes(root);
}

function arraysFromIndexes(v: any): any {
  if (typeof v !== 'object' || v === null) return v;
  const keys = Object.keys(v);
  for (const k of keys) v[k] = arraysFromIndexes(v[k]);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => v[k]);
  return v;
}
