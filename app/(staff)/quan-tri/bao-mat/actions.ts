'use server';
/**
 * One's own second factor. Open to an account whose second factor is due (this is where it
 * enrols); the data functions re-check the session inside their transaction.
 */
import { confirmEnrolment } from '@/db/queries/second-factor';
import { staffAction } from '@/lib/actions';
import { secondFactorKey } from '@/lib/auth/secret';
import { confirmSecondFactorSchema } from '@/lib/validations/second-factor';

export const confirmSecondFactorAction = staffAction(
  'editor',
  confirmSecondFactorSchema,
  async ({ code }, actor) => {
    // No revalidation: re-rendering this page now would replace the recovery codes (shown once) with its "enabled" state.
    const { recoveryCodes } = await confirmEnrolment({ by: actor, code, key: secondFactorKey() });
    return { recoveryCodes };
  },
  { allowSecondFactorDue: true },
);
