/**
 * Passwords that are long enough (10+ characters) and still among the first tried by anyone
 * guessing: the 10+ character entries of the common breached-password lists, keyboard walks,
 * and a few a shoe shop invites. Compared lower-case; a password made of one repeated character
 * or one run of consecutive digits or letters counts as common too.
 */
const list = `
1234567890 0123456789 0987654321 9876543210 12345678910 123456789a 123456789q 1234567890a
1234qwerty 123qweasd 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc 1qazxsw2 zaq12wsx qazwsxedc qazwsxedcrfv
qwertyuiop qwertyuiop1 qwerty1234 qwerty12345 qwerty123456 asdfghjkl1 asdfghjkl; zxcvbnm123
password1 password12 password123 password1234 password12345 password1! passw0rd123 p@ssw0rd123
p@ssword123 password01 mypassword1 mypassword123 newpassword newpassword1 changeme123 changeme1!
welcome123 welcome1234 welcome2024 welcome2025 welcome2026 letmein123 letmein1234 iloveyou12
iloveyou123 iloveyou1! sunshine12 sunshine123 princess12 princess123 football12 football123
baseball12 baseball123 superman12 superman123 starwars12 starwars123 dragon1234 monkey1234
master1234 shadow1234 michael123 jennifer12 jordan2323 liverpool1 liverpool12 chelsea123
abcdefghij abcdefg123 abc1234567 abcd123456 a123456789 aa12345678 admin12345 admin123456
administrator trustno1trustno1 whatever12 computer12 internet12 1234abcd!! summer2024 summer2025
summer2026 winter2024 winter2025 winter2026 spring2025 autumn2025 january2025 christmas1
shoebox123 shoebox1234 shoeshop123 shoes12345 shoes123456 heels12345 sandals123 sneakers123
`;

const common = new Set(list.split(/\s+/).filter(Boolean));

const runOf = (s: string, alphabet: string) =>
  s.length >= 3 && (alphabet.includes(s) || [...alphabet].reverse().join('').includes(s));

/** True for a password attackers try first (see above). */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (common.has(p)) return true;
  if (/^(.)\1+$/.test(p)) return true;
  return runOf(p, '0123456789'.repeat(4)) || runOf(p, 'abcdefghijklmnopqrstuvwxyz');
}
