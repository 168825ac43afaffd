import { signOutAction } from '@/app/(auth)/dang-nhap/actions';

/** A plain form: signing out works even before (or without) JavaScript. */
export function SignOutButton() {
  return (
    <form action={signOutAction} className="sign-out">
      <button type="submit" className="button-on-brand">
        Đăng xuất
      </button>
    </form>
  );
}
