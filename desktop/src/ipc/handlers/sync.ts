import { z } from 'zod';
import { mutationReceipt, noArgs, syncStatus } from '../contracts.ts';
import { attentionItem, mutationIdArgs } from '../shapes/sync.ts';
import { defineHandler } from '../spec.ts';

// The state shown in the top bar (the `sync.status` event pushes each change) and "Needs attention".
export const syncSpecs = {
  'sync.status': defineHandler({
    summary: 'Online, offline or syncing, with the pending and needs-attention counts',
    access: 'public',
    args: noArgs,
    result: syncStatus,
  }),
  'sync.now': defineHandler({
    summary: 'Sync now (push pending changes, pull the server’s), whatever the retry timer says',
    access: 'signed-in',
    args: noArgs,
    result: syncStatus,
  }),
  'sync.needsAttention': defineHandler({
    summary: 'The changes the server refused, oldest first, each with what to do about it',
    access: 'signed-in',
    args: noArgs,
    result: z.array(attentionItem),
  }),
  'sync.dismiss': defineHandler({
    summary: 'Drop one refused change from "Needs attention" (it stays refused)',
    access: 'signed-in',
    args: mutationIdArgs,
    result: z.null(),
  }),
  'sync.retry': defineHandler({
    summary: 'Queue one refused change again, as a new change (e.g. after the stock arrived)',
    access: 'signed-in',
    args: mutationIdArgs,
    result: mutationReceipt,
  }),
} as const;
