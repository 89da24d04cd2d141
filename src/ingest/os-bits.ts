// The word size an OS name states, where it is unambiguous (docs/inputs.md "os_bits"):
// `x64`, `x86_64`, `amd64`, `64-bit`, `(64 bits)`, Windows Server 2008 R2 and later (64-bit
// only); `x86`, `i386`/`i686`, `32-bit`. Anything else (plain "Windows Server 2008", a Linux
// without an architecture) says nothing.

const SIXTY_FOUR = /\b(x64|x86[_-]64|amd64|aarch64|arm64|ppc64(le)?|s390x|64[ -]?bits?)\b/i;
const THIRTY_TWO = /\b(x86|i[3-6]86|32[ -]?bits?)\b/i;
/** Windows Server releases built for 64-bit processors only: 2008 R2, 2012 and later. */
const WINDOWS_64_ONLY = /\bwindows server (2008 r2|2012|2016|2019|2022|2025)\b/i;

export function osBitsFromText(os: string): 32 | 64 | null {
  const is64 = SIXTY_FOUR.test(os) || WINDOWS_64_ONLY.test(os);
  const is32 = THIRTY_TWO.test(os.replace(/x86[_-]64/gi, ''));
  if (is64 && !is32) return 64;
  if (is32 && !is64) return 32;
  return null;
}
