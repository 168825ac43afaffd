/**
 * `npm run user -- <command>`: manage staff accounts from the server's console.
 *
 *   echo "<mật khẩu>" | npm run user -- add --email a@b.vn --name "Tên" --role editor
 *   npm run user -- add --email a@b.vn --name "Tên" --role admin        (asks for the password, no echo)
 *   npm run user -- list
 *   npm run user -- set-role --email a@b.vn --role admin
 *   npm run user -- deactivate --email a@b.vn
 *   npm run user -- activate --email a@b.vn
 *   npm run user -- reset-password --email a@b.vn                        (password from stdin, as for add)
 *   npm run user -- reset-second-factor --email a@b.vn                   (lost phone and no admin to ask: the last admin)
 *
 * Uses the same database as the app, as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL, else
 * the PGlite folder PGLITE_DIR), and applies migrations first. Passwords are read from stdin, never from arguments (they would land in
 * the shell history and in `ps`). The npm script runs tsx with `--conditions=react-server`
 * so the `server-only` guard of db/queries resolves to its empty server build.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type DatabaseHandle } from '../db/index';
import { migrateDatabase } from '../db/prepare';
import { createUser, findUserByEmail, listUsers, resetPassword, updateUser } from '../db/queries/accounts';
import { resetSecondFactor } from '../db/queries/second-factor';
import { InvalidError, NotFoundError } from '../lib/errors';
import { passwordProblem } from '../lib/password-policy';
import { emailSchema } from '../lib/validations/auth';
import { isOneOf, USER_ROLE_LABELS, USER_ROLES, type UserRole } from '../lib/vocabulary';

const USAGE = `Cách dùng (usage): npm run user -- <lệnh> [tuỳ chọn]

  add             --email <email> --name "<tên hiển thị>" --role <admin|editor>   mật khẩu đọc từ stdin
  list
  set-role        --email <email> --role <admin|editor>
  deactivate      --email <email>
  activate        --email <email>
  reset-password  --email <email>                                                  mật khẩu đọc từ stdin
  reset-second-factor --email <email>                                              tắt xác thực hai bước (mất điện thoại)

Mật khẩu: ít nhất 12 ký tự, không phải mật khẩu phổ biến. Truyền qua stdin:
  echo "một cụm từ đủ dài" | npm run user -- add --email a@b.vn --name "Tên" --role editor
hoặc gõ khi được hỏi (không hiện ra màn hình).`;

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Read a password: the first line of piped stdin, or typed at a prompt without echo (asked twice). */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const line = text.split(/\r?\n/)[0] ?? '';
    if (!line) fail('Không đọc được mật khẩu từ stdin (no password on stdin).');
    return line;
  }
  const first = await promptHidden(`${prompt}: `);
  const second = await promptHidden('Nhập lại để xác nhận (repeat): ');
  if (first !== second) fail('Hai lần nhập không khớp (the two entries differ).');
  return first;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    stdin.setRawMode(true); // before the prompt, so nothing typed after it is echoed
    process.stderr.write(question);
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('Đã huỷ (cancelled).'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.resume();
    stdin.on('data', onData);
  });
}

const ROLE_CHOICES = USER_ROLES.join(' hoặc '); // "admin hoặc editor"

function parseRole(value: string | undefined): UserRole {
  if (!value) fail(`Thiếu --role (${ROLE_CHOICES}).`);
  if (!isOneOf(USER_ROLES, value)) fail(`--role phải là ${ROLE_CHOICES}, không phải "${value}".`);
  return value;
}

function requireEmail(value: string | undefined): string {
  if (!value) fail('Thiếu --email.');
  return value;
}

async function open(): Promise<DatabaseHandle> {
  const { env, pgliteDir } = await import('../lib/env');
  const config = env();
  if (config.DATABASE_URL) {
    return openDatabase({ url: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL, max: 2 });
  }
  const dir = pgliteDir();
  console.error(
    `Cơ sở dữ liệu nhúng PGlite: ${dir}\n` +
      'Lưu ý: PGlite chỉ cho một tiến trình dùng mỗi thư mục. Hãy DỪNG máy chủ (npm start) trước khi chạy lệnh này.\n' +
      '(embedded database: stop the server first — PGlite allows one process per folder)',
  );
  return openDatabase({ dataDir: dir });
}

async function main(): Promise<void> {
  process.chdir(path.resolve(import.meta.dirname, '..')); // migrations and .data are relative to the repository
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
    strict: true,
  });

  // Validate what needs no database before opening it (and before asking for a password).
  let password: string | undefined;
  if (command === 'add') {
    const email = emailSchema.safeParse(requireEmail(values.email));
    if (!email.success) fail(`--email: ${email.error.issues[0]?.message ?? 'không hợp lệ'}`);
    if (!values.name?.trim()) fail('Thiếu --name "<tên hiển thị>".');
    parseRole(values.role);
  } else if (command === 'set-role') {
    requireEmail(values.email);
    parseRole(values.role);
  } else if (command === 'deactivate' || command === 'activate' || command === 'reset-password' || command === 'reset-second-factor') {
    requireEmail(values.email);
  } else if (command !== 'list') {
    fail(`Không có lệnh "${command}".\n\n${USAGE}`);
  }
  if (command === 'add' || command === 'reset-password') {
    password = await readPassword('Mật khẩu (password)');
    const problem = passwordProblem(password);
    if (problem) fail(problem);
  }

  const handle = await open();
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    const account = async () => {
      const user = await findUserByEmail({ email: values.email! }, db);
      if (!user) fail(`Không có tài khoản ${values.email}.`);
      return user;
    };

    switch (command) {
      case 'add': {
        const u = await createUser({ email: values.email!, displayName: values.name!, role: parseRole(values.role), password: password!, by: 'console' }, db);
        console.log(`Đã tạo tài khoản (created): ${u.email} — ${u.displayName} — ${USER_ROLE_LABELS[u.role]}`);
        break;
      }
      case 'list': {
        const list = await listUsers(db);
        if (list.length === 0) console.log('Chưa có tài khoản nào (no accounts).');
        for (const u of list) {
          console.log(
            [u.email, u.displayName, USER_ROLE_LABELS[u.role], u.active ? 'đang hoạt động' : 'đã khoá', u.createdAt.toISOString().slice(0, 10)].join('\t'),
          );
        }
        break;
      }
      case 'set-role': {
        const u = await updateUser({ userId: (await account()).id, role: parseRole(values.role), by: 'console' }, db);
        console.log(`Đã đổi vai trò (role set): ${u.email} → ${USER_ROLE_LABELS[u.role]}. Các phiên đăng nhập của tài khoản này đã kết thúc.`);
        break;
      }
      case 'deactivate':
      case 'activate': {
        const u = await updateUser({ userId: (await account()).id, active: command === 'activate', by: 'console' }, db);
        console.log(u.active ? `Đã mở lại tài khoản (activated): ${u.email}` : `Đã khoá tài khoản và kết thúc các phiên đăng nhập (deactivated): ${u.email}`);
        break;
      }
      case 'reset-password': {
        const u = await resetPassword({ userId: (await account()).id, password: password!, by: 'console' }, db);
        console.log(`Đã đặt mật khẩu mới (password reset): ${u.email}. Các phiên đăng nhập của tài khoản này đã kết thúc.`);
        break;
      }
      case 'reset-second-factor': {
        const u = await resetSecondFactor({ userId: (await account()).id, by: 'console' }, db);
        console.log(
          `Đã tắt xác thực hai bước (second factor reset): ${u.email}. Các phiên đăng nhập đã kết thúc; nếu tài khoản phải dùng xác thực hai bước, lần đăng nhập tới sẽ mở trang bật lại.`,
        );
        break;
      }
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof InvalidError || error instanceof NotFoundError) {
    console.error(error.message);
    process.exit(error instanceof UsageError && /Không có lệnh/.test(error.message) ? 2 : 1);
  }
  console.error(error);
  process.exit(1);
});
