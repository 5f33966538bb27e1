/**
 * Dates of corrections as readers in Kazakhstan read them: Almaty time, from
 * the time-zone database (UTC+6 until 1 March 2024, UTC+5 since), never a
 * fixed offset. "10 janvier 2022 à 18:00" / "10 January 2022, 18:00".
 */
import type { Lang } from '$lib/i18n/lang';

const formats = {
	fr: new Intl.DateTimeFormat('fr-FR', { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
	en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
};

export function almatyTime(iso: string, lang: Lang): string {
	return formats[lang].format(new Date(iso));
}

/** "Mis à jour le 6 décembre 2026 à 05:42 (heure d’Almaty) — <note>" / "Updated 6 December 2026 at 05:42 (Almaty time) — <note>" */
export function updatedLine(update: { date: string; note: string }, lang: Lang): string {
	const when = almatyTime(update.date, lang);
	return lang === 'fr' ? `Mis à jour le ${when} (heure d’Almaty) — ${update.note}` : `Updated ${when} (Almaty time) — ${update.note}`;
}
