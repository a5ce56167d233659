import { DomainError } from '@shoebox/shared';

/** The demo seed's one refusal: it fills an empty shop only. */
export const seedErrors = {
  refused: (found: string) =>
    new DomainError(
      'conflict',
      'DEMO_SEED_REFUSED',
      `The demo seed only fills an empty shop, and this database already has ${found}. Use the seed CLI with --reset to start over.`,
      { details: { found } },
    ),
};
