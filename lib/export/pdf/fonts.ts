import path from 'node:path';
import type PDFDocument from 'pdfkit';
import type { Locale } from '@/i18n/locales';

type Doc = InstanceType<typeof PDFDocument>;

/** The names the report draws with; each document maps them to real fonts when it is created. */
export const FONT = { regular: 'Body', bold: 'Body-Bold' } as const;

/**
 * Noto Sans KR (SIL Open Font License), whole TrueType files from @expo-google-fonts/noto-sans-kr: pdfkit embeds
 * (and subsets) a complete .ttf, where the sliced web fonts cover a few hundred syllables each. Resolved from the
 * project folder like the other server-only files; next.config.js lists them for the build's file tracing.
 */
const NOTO_SANS_KR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-kr');
export const KOREAN_FONT_FILES = {
  regular: path.join(NOTO_SANS_KR, '400Regular', 'NotoSansKR_400Regular.ttf'),
  bold: path.join(NOTO_SANS_KR, '700Bold', 'NotoSansKR_700Bold.ttf'),
} as const;

/**
 * Registers FONT for the reader's language: English keeps pdfkit's standard Helvetica (nothing embedded, the
 * file stays small); Korean needs Hangul, which no standard PDF font has.
 */
export function registerFonts(doc: Doc, locale: Locale): void {
  if (locale === 'ko') {
    doc.registerFont(FONT.regular, KOREAN_FONT_FILES.regular);
    doc.registerFont(FONT.bold, KOREAN_FONT_FILES.bold);
  } else {
    doc.registerFont(FONT.regular, 'Helvetica');
    doc.registerFont(FONT.bold, 'Helvetica-Bold');
  }
}
