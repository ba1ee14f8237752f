// Where sign-in sends the user next: only paths of this app (lib/auth/safe-next.ts). The sign-in
// action's own use of it is tested in tests/security-throttle.test.ts.
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '@/lib/auth/safe-next';

const REFUSED: [string, unknown][] = [
  ['a protocol-relative URL', '//evil.example'],
  ['a protocol-relative URL with a path', '//evil.example/login'],
  ['three slashes', '///evil.example'],
  ['a backslash after the slash', '/\\evil.example'],
  ['two backslashes', '/\\\\evil.example'],
  ['a backslash first', '\\\\evil.example'],
  ['an absolute URL', 'https://evil.example'],
  ['an absolute http URL', 'http://evil.example/dashboard'],
  ['a scheme-relative http: URL', 'http:/evil.example'],
  ['javascript:', 'javascript:alert(1)'],
  ['javascript: after a slash-free space', ' javascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['an encoded backslash', '/%5Cevil.example'],
  ['an encoded backslash in lower case', '/%5cevil.example'],
  ['two encoded slashes without a leading slash', '%2F%2Fevil.example'],
  ['two encoded slashes after the slash', '/%2F%2Fevil.example'],
  ['an encoded slash then a slash', '/%2F/evil'],
  ['a double-encoded backslash', '/%255Cevil.example'],
  ['a double-encoded slash', '/%252F/evil.example'],
  ['a tab inside', '/\t/evil.example'],
  ['a newline inside', '/\n/evil.example'],
  ['a carriage return inside', '/\r/evil.example'],
  ['an encoded tab', '/%09/evil.example'],
  ['an encoded newline', '/%0A/evil.example'],
  ['a NUL', '/dash\u0000board'],
  ['a relative path', 'dashboard'],
  ['a malformed escape', '/%E0%A4%A'],
  ['an empty string', ''],
  ['not a string', ['/dashboard']],
  ['a file instead of text', new Blob(['/dashboard'])],
  ['an absurdly long path', `/${'a'.repeat(3000)}`],
];

const ACCEPTED: [string, string, string][] = [
  ['a page', '/dashboard', '/dashboard'],
  ['a page with filters', '/experiments?team=3&status=running', '/experiments?team=3&status=running'],
  ['an encoded slash in the query', '/experiments?q=a%2Fb', '/experiments?q=a%2Fb'],
  ['a fragment', '/experiments/12#history', '/experiments/12#history'],
  ['dot segments, resolved', '/experiments/../admin', '/admin'],
  ['an encoded letter', '/%61dmin', '/%61dmin'],
];

describe('after sign-in, next accepts only same-origin paths', () => {
  for (const [name, value] of REFUSED) {
    it(`refuses ${name}`, () => {
      expect(safeNextPath(value)).toBeNull();
    });
  }
  for (const [name, value, expected] of ACCEPTED) {
    it(`keeps ${name}`, () => {
      expect(safeNextPath(value)).toBe(expected);
    });
  }
});
