/**
 * @module centers
 * The registry of innovation centers, shared by the eligibility check (五（二）) and the
 * reminders. Not a feature: a module features read and write through the {@link Store}.
 */
export {
  addCenter,
  type BindingChange,
  bindChat,
  type Center,
  type CenterInput,
  centerIdFor,
  centerInputSchema,
  centerSchema,
  centersOfChat,
  findCenterByName,
  importSeedOnce,
  listCenters,
  normalizeCenterName,
  readCenter,
  unbindChat,
  verifiedFields,
} from './registry.ts';
