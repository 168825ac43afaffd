/**
 * A stand-in for the portal server on the embedded database, for tests/backup-live.test.ts: it
 * opens PGLITE_DIR as the server does (getDatabaseHandle: open, migrate, seed), installs the
 * backup handler instrumentation.ts installs, then keeps saving a section through the versioned
 * write until it is killed. It prints `ready` once, then `saved <revision id>` after each save
 * that committed.
 *
 *   PGLITE_DIR=… node --conditions=react-server --import tsx tests/helpers/embedded-portal.ts
 */
import { getDatabaseHandle } from '@/db';
import { installBackupHandler } from '@/db/live-backup';
import { createUser } from '@/db/queries/accounts';
import { saveSection } from '@/db/queries/edits';
import { createSession } from '@/db/queries/sessions';
import { findSectionForEdit } from '@/db/queries/staff';
import type { Actor } from '@/db/permissions';
import { sectionEditSchema } from '@/lib/validations/section';

const R = 'soc-trang-2020-2025';
const reason = { kind: 'sua_loi' as const, text: 'Sửa trong lúc sao lưu' };

async function main(): Promise<void> {
  const { db } = await getDatabaseHandle();
  installBackupHandler();
  const user = await createUser({ email: 'dangsua@example.vn', displayName: 'Người đang sửa', role: 'editor', password: 'một mật khẩu rất dài cho kiểm thử', by: 'console' }, db);
  const session = await createSession({ userId: user.id }, db);
  const actor: Actor = { userId: user.id, sessionId: session.id, role: 'editor', displayName: 'Người đang sửa', email: user.email };
  console.log('ready');
  for (let n = 1; ; n++) {
    const s = (await findSectionForEdit({ reportSlug: R, slug: 'nguyen-nhan' }, db))!;
    const edit = sectionEditSchema.parse({ ...s.snapshot, body: `${s.snapshot.body.replace(/ \(\d+\)$/, '')} (${n})`, translations: s.snapshot.translations, version: s.version, reason });
    const { revisionId } = await saveSection({ reportSlug: R, slug: 'nguyen-nhan', edit }, actor, db);
    console.log(`saved ${revisionId}`);
    // Leave the machine to the others between saves; the backup still lands between two of them.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
