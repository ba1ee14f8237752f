import path from 'node:path';
import type PDFDocument from 'pdfkit';
import type { Locale } from '@/i18n/locales';

type Doc = InstanceType<typeof PDFDocument>;
export type ReportFonts = { regular: string; bold: string };

/**
 * Noto Sans KR (SIL Open Font License), whole TrueType files from @expo-google-fonts/noto-sans-kr: pdfkit embeds
 * (and subsets) a complete .ttf, where the sliced web fonts cover a few hundred syllables each. Resolved from the
 * project folder like the other server-only files; next.config.js lists them for the build's file tracing.
 */
const NOTO_SANS_KR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-kr');
export const KOREAN_FONT_FILES: ReportFonts = {
  regular: path.join(NOTO_SANS_KR, '400Regular', 'NotoSansKR_400Regular.ttf'),
  bold: path.join(NOTO_SANS_KR, '700Bold', 'NotoSansKR_700Bold.ttf'),
};

/** pdfkit's standard Helvetica: nothing embedded, the file stays small. */
const STANDARD: ReportFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold' };

const chosen = new WeakMap<Doc, ReportFonts>();

/**
 * Picks the document's fonts for the reader's language: English keeps Helvetica; Korean needs Hangul, which no
 * standard PDF font has. The fonts are named by their file, so pdfkit opens each file once (it caches by that name;
 * a registerFont alias would reopen the 6 MB file on every switch).
 */
export function chooseFonts(doc: Doc, locale: Locale): void {
  chosen.set(doc, locale === 'ko' ? KOREAN_FONT_FILES : STANDARD);
}

/** The regular and bold font of a document (Helvetica unless chooseFonts chose others). */
export const fontsOf = (doc: Doc): ReportFonts => chosen.get(doc) ?? STANDARD;
