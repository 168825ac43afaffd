/**
 * Exact decimal numbers, Vietnamese style.
 *
 * Values travel through the portal as canonical decimal strings ("6.20", "423700", "-1.5"),
 * the same shape Postgres `numeric` uses. Nothing here goes through floating point except
 * `decimalToNumber`, which exists only for chart geometry.
 */

const CANONICAL_DECIMAL = /^-?\d+(\.\d+)?$/;

export type ParseResult = { ok: true; value: string } | { ok: false; message: string };

interface ScaledDecimal {
  /** The value multiplied by 10^scale. */
  units: bigint;
  /** Number of digits after the decimal point. */
  scale: number;
}

function assertCanonical(value: string): void {
  if (!CANONICAL_DECIMAL.test(value)) {
    throw new TypeError(`Không phải số thập phân hợp lệ: ${JSON.stringify(value)}`);
  }
}

function toScaled(value: string): ScaledDecimal {
  assertCanonical(value);
  const negative = value.startsWith('-');
  const body = negative ? value.slice(1) : value;
  const [intPart = '0', fracPart = ''] = body.split('.');
  const units = BigInt(intPart + fracPart);
  return { units: negative ? -units : units, scale: fracPart.length };
}

function rescale(value: ScaledDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  const fracPart = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${intPart}${scale > 0 ? `.${fracPart}` : ''}`;
}

/** "1234567" → "1.234.567", in one pass (a look-ahead regex here is quadratic in the digits). */
function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  const groups = [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join('.');
}

/** The most digits a stored value may have: the column is numeric(24,6). */
export const MAX_INTEGER_DIGITS = 18;
export const MAX_FRACTION_DIGITS = 6;

/**
 * "6.20" → "6,20", "423700" → "423.700", "1234567.891" → "1.234.567,891".
 * Keeps exactly the digits and scale it is given. Throws on a non-canonical decimal.
 */
export function formatDecimal(value: string): string {
  assertCanonical(value);
  const negative = value.startsWith('-');
  const body = negative ? value.slice(1) : value;
  const [intPart = '0', fracPart] = body.split('.');
  const grouped = groupThousands(intPart);
  return `${negative ? '-' : ''}${grouped}${fracPart === undefined ? '' : `,${fracPart}`}`;
}

const GROUP_SEPARATORS = '. \u00A0\u202F';
const PLAIN_INTEGER = /^\d+$/;
const DIGITS = /^\d+$/;

/**
 * Parse a number typed the Vietnamese way into a canonical decimal string.
 *
 * Rule: an optional "-", an integer part, then optionally "," and one or more decimal digits.
 * The integer part is either plain digits ("1234") or grouped in thousands: 1–3 leading digits
 * followed by groups of exactly 3 digits, all joined by the same separator ("." or a space,
 * NBSP, narrow NBSP). Anything else — "1.23", "1234.567", "1,2,3", "1,234.5", "+5", "1e5",
 * "1," — is refused rather than guessed. The decimal scale is kept ("6,20" → "6.20").
 */
export function parseViNumber(input: string): ParseResult {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Chưa nhập số.' };
  // Longer than any number that fits (18 + 6 digits, separators, sign): refused before any pattern runs.
  if (text.length > 40) return { ok: false, message: `Số quá dài: phần nguyên tối đa ${MAX_INTEGER_DIGITS} chữ số, phần thập phân tối đa ${MAX_FRACTION_DIGITS}.` };

  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  if (body === '') return { ok: false, message: 'Thiếu chữ số sau dấu trừ.' };
  if (!/^[\d., \u00A0\u202F]+$/.test(body)) {
    return {
      ok: false,
      message: 'Chỉ được nhập chữ số, dấu chấm (.) phân nhóm hàng nghìn, dấu phẩy (,) thập phân và dấu trừ (-) ở đầu.',
    };
  }

  const commaParts = body.split(',');
  if (commaParts.length > 2) {
    return { ok: false, message: 'Chỉ được có một dấu phẩy (,) ngăn cách phần thập phân.' };
  }
  const [intText = '', fracText] = commaParts;

  if (fracText !== undefined && !DIGITS.test(fracText)) {
    if (fracText === '') return { ok: false, message: 'Thiếu chữ số sau dấu phẩy (,).' };
    return {
      ok: false,
      message:
        'Phần thập phân (sau dấu phẩy) chỉ gồm chữ số. Lưu ý: dùng dấu phẩy (,) cho phần thập phân và dấu chấm (.) để phân nhóm hàng nghìn.',
    };
  }
  if (intText === '') return { ok: false, message: 'Thiếu phần nguyên trước dấu phẩy (,).' };

  let intDigits: string;
  if (PLAIN_INTEGER.test(intText)) {
    intDigits = intText.replace(/^0+(?=\d)/, '');
  } else {
    const separators = new Set([...intText].filter((ch) => GROUP_SEPARATORS.includes(ch)));
    const [separator] = [...separators];
    if (separators.size !== 1 || separator === undefined) {
      return { ok: false, message: 'Dấu phân nhóm hàng nghìn phải dùng thống nhất một loại.' };
    }
    const groups = intText.split(separator);
    const [lead = '', ...rest] = groups;
    const leadOk = /^[1-9]\d{0,2}$/.test(lead);
    const restOk = rest.every((group) => /^\d{3}$/.test(group));
    if (!leadOk || !restOk) {
      return {
        ok: false,
        message:
          'Phân nhóm hàng nghìn không hợp lệ: mỗi nhóm sau dấu chấm phải có đúng 3 chữ số (ví dụ 1.234,5). Dùng dấu phẩy (,) cho phần thập phân.',
      };
    }
    intDigits = groups.join('');
  }

  if (intDigits.length > MAX_INTEGER_DIGITS) {
    return { ok: false, message: `Phần nguyên tối đa ${MAX_INTEGER_DIGITS} chữ số.` };
  }
  if (fracText !== undefined && fracText.length > MAX_FRACTION_DIGITS) {
    return { ok: false, message: `Phần thập phân tối đa ${MAX_FRACTION_DIGITS} chữ số (sau dấu phẩy).` };
  }
  const canonical = `${intDigits}${fracText === undefined ? '' : `.${fracText}`}`;
  const isZero = /^[0.]+$/.test(canonical);
  return { ok: true, value: negative && !isZero ? `-${canonical}` : canonical };
}

/** For charts and geometry only: never use the result for stored values or comparisons. */
export function decimalToNumber(value: string): number {
  assertCanonical(value);
  return Number(value);
}

/** -1, 0 or 1, comparing exactly ("1.50" equals "1.5"). */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  const diff = rescale(x, scale) - rescale(y, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** a − b, exactly, at the larger of the two scales ("6.20" − "1.5" = "4.70"). */
export function subtractDecimal(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return fromScaled(rescale(x, scale) - rescale(y, scale), scale);
}

/**
 * Percentage change from `from` to `to`: (to − from) ÷ |from| × 100, exact, rounded half-up
 * (half away from zero) to 2 decimals. Null when `from` is zero.
 */
export function percentChange(from: string, to: string): string | null {
  const x = toScaled(from);
  const y = toScaled(to);
  const scale = Math.max(x.scale, y.scale);
  const base = rescale(x, scale);
  if (base === 0n) return null;
  const numerator = (rescale(y, scale) - base) * 10_000n; // × 100 (percent) × 100 (2 decimals)
  const denominator = base < 0n ? -base : base;
  let quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (absRemainder * 2n >= denominator) quotient += numerator < 0n ? -1n : 1n;
  return fromScaled(quotient, 2);
}
