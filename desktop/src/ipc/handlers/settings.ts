import {
  apiKey,
  auditEntry,
  createdApiKey,
  device,
  deviceListEntry,
  pageOf,
  recoveryCodes,
  signInAttempt,
  staffUser,
  stockBin,
  stockLocation,
  twoFactorEnrolment,
  twoFactorStatus,
} from '@shoebox/shared/contracts';
import { z } from 'zod';
import { noArgs } from '../contracts.ts';
import {
  apiKeyCreateArgs,
  apiKeyRevokeArgs,
  auditListArgs,
  binCreateArgs,
  deviceRevokeArgs,
  locationBinsArgs,
  locationCreateArgs,
  staffCreateArgs,
  staffIdArgs,
  staffRow,
  staffSignInsArgs,
  staffUpdateArgs,
  twoFactorConfirmArgs,
} from '../shapes/settings.ts';
import { defineHandler } from '../spec.ts';

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

// The shop's own records, read fresh from the API and changed there at once: nothing here is
// cached or queued, so offline each answers API_UNREACHABLE saying it needs a connection.
export const settingsSpecs = {
  'staff.list': defineHandler({
    summary: 'Staff accounts with role, state and last sign-in (needs the API)',
    access: 'staff:manage',
    args: noArgs,
    result: listOf(staffRow),
  }),
  'staff.create': defineHandler({
    summary: 'Add a staff account with a first password (needs the API)',
    access: 'staff:manage',
    args: staffCreateArgs,
    result: staffUser,
  }),
  'staff.update': defineHandler({
    summary: 'Change a role or name, or switch an account off or on (needs the API)',
    access: 'staff:manage',
    args: staffUpdateArgs,
    result: staffUser,
  }),
  'staff.signIns': defineHandler({
    summary: "One person's sign-in history, newest first (needs the API)",
    access: 'staff:manage',
    args: staffSignInsArgs,
    result: pageOf(signInAttempt),
  }),
  'staff.resetTwoFactor': defineHandler({
    summary: "Turn off someone's two-factor (a lost phone): they set it up again (needs the API)",
    access: 'staff:manage',
    args: staffIdArgs,
    result: z.null(),
  }),
  'devices.list': defineHandler({
    summary: "The shop's desktop devices, who registered them and when last seen (needs the API)",
    access: 'devices:manage',
    args: noArgs,
    result: listOf(deviceListEntry),
  }),
  'devices.revoke': defineHandler({
    summary: 'Revoke a device (a lost laptop): its next sync wipes it (needs the API)',
    access: 'devices:manage',
    args: deviceRevokeArgs,
    result: device,
  }),
  'apiKeys.list': defineHandler({
    summary: 'API keys with their permissions and last use (needs the API)',
    access: 'apikeys:manage',
    args: noArgs,
    result: listOf(apiKey),
  }),
  'apiKeys.create': defineHandler({
    summary: 'Create an API key; its secret is in this answer only (needs the API)',
    access: 'apikeys:manage',
    args: apiKeyCreateArgs,
    result: createdApiKey,
  }),
  'apiKeys.revoke': defineHandler({
    summary: 'Revoke an API key at once (needs the API)',
    access: 'apikeys:manage',
    args: apiKeyRevokeArgs,
    result: z.null(),
  }),
  'audit.list': defineHandler({
    summary: 'The audit log, newest first, filtered by entity, record or person (needs the API)',
    access: 'audit:read',
    args: auditListArgs,
    result: pageOf(auditEntry),
  }),
  'locations.list': defineHandler({
    summary: 'Stock locations (needs the API)',
    access: 'inventory:read',
    args: noArgs,
    result: listOf(stockLocation),
  }),
  'locations.create': defineHandler({
    summary: 'Add a stock location (needs the API)',
    access: 'settings:manage',
    args: locationCreateArgs,
    result: stockLocation,
  }),
  'locations.bins': defineHandler({
    summary: "A location's bins (needs the API)",
    access: 'inventory:read',
    args: locationBinsArgs,
    result: listOf(stockBin),
  }),
  'locations.createBin': defineHandler({
    summary: 'Add a bin to a location (needs the API)',
    access: 'inventory:adjust',
    args: binCreateArgs,
    result: stockBin,
  }),
  'me.twoFactor': defineHandler({
    summary: 'Whether my account signs in with two-factor, and how many recovery codes are left',
    access: 'signed-in',
    args: noArgs,
    result: twoFactorStatus,
  }),
  'me.twoFactorStart': defineHandler({
    summary: 'Start setting up two-factor: a QR code and the secret for typing in (needs the API)',
    access: 'signed-in',
    args: noArgs,
    result: twoFactorEnrolment,
  }),
  'me.twoFactorConfirm': defineHandler({
    summary: 'Finish two-factor with a code from the app; answers the recovery codes, once',
    access: 'signed-in',
    args: twoFactorConfirmArgs,
    result: recoveryCodes,
  }),
} as const;
