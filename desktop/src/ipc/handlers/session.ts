import { signInBody } from '@shoebox/shared/contracts';
import { z } from 'zod';
import { deviceInfo, noArgs, session } from '../contracts.ts';
import { defineHandler } from '../spec.ts';

// The first sign-in is online; later ones may be offline against this device's saved session.
export const sessionSpecs = {
  'session.signIn': defineHandler({
    summary: 'Sign in with email and password (offline with the saved session when the API is unreachable)',
    access: 'public',
    args: signInBody,
    result: session,
  }),
  'session.signOut': defineHandler({
    summary: "Sign out and wipe this user's saved session (pending changes are kept)",
    access: 'public',
    args: noArgs,
    result: z.null(),
  }),
  'session.current': defineHandler({
    summary: 'Who is signed in, or null',
    access: 'public',
    args: noArgs,
    result: session.nullable(),
  }),
  'devices.current': defineHandler({
    summary: 'This install: its device id, name, mode and the API it talks to',
    access: 'signed-in',
    args: noArgs,
    result: deviceInfo,
  }),
} as const;
