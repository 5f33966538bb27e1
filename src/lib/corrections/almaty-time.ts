/**
 * Dates of corrections as readers in Kazakhstan read them: Almaty time, from
 * the time-zone database (UTC+6 until 1 March 2024, UTC+5 since), never a
 * fixed offset. "10 janvier 2022 à 18:00" / "10 January 2022, 18:00".
 */
import type { Lang } from '$lib/i18n/lang';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
/**
 * Made on first use, for the page's language only: a formatter with a time zone loads the
 * time-zone and locale data, ~150 ms of a phone's main thread (4× CPU) when both were made
 * as the story's code loaded (CPU profile, issue 22).
 */
const formats: Partial<Record<Lang, Intl.DateTimeFormat>> = {};

export function almatyTime(iso: string, lang: Lang): string {
	formats[lang] ??= new Intl.DateTimeFormat(LOCALES[lang], {
		timeZone: 'Asia/Almaty',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	});
	return formats[lang].format(new Date(iso));
}

/** "Mis à jour le 6 décembre 2026 à 05:42 (heure d’Almaty) — <note>" / "Updated 6 December 2026 at 05:42 (Almaty time) — <note>" */
export function updatedLine(update: { date: string; note: string }, lang: Lang): string {
	const when = almatyTime(update.date, lang);
	return lang === 'fr' ? `Mis à jour le ${when} (heure d’Almaty) — ${update.note}` : `Updated ${when} (Almaty time) — ${update.note}`;
}
