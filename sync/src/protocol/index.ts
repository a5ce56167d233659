// The wire protocol and the mutation registry: what both ends of sync agree on.
export * from './cursor.ts';
export * from './entities.ts';
export * from './errors.ts';
export * from './version.ts';
export * from './wire.ts';
export { effectRows, type EffectContext, type RowChange } from '../mutations/effects.ts';
export { fulfilmentEvents } from '../mutations/order-transition.ts';
export {
  findMutation,
  type MutationArgs,
  type MutationName,
  mutationList,
  mutationNames,
} from '../mutations/registry.ts';
export * from '../mutations/types.ts';
