/** The iframe code journalists paste: responsive, lazy, titled, resized by /embed.js. */
export const EMBED_DEFAULT_HEIGHT = 560;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function embedCode(o: { src: string; title: string; height?: number; width?: number; origin: string }): string {
	const h = o.height ?? EMBED_DEFAULT_HEIGHT;
	const width = o.width ? `${o.width}` : '100%';
	return (
		`<iframe src="${attr(o.src)}" title="${attr(o.title)}" width="${width}" height="${h}" loading="lazy" ` +
		`style="border:0;width:${o.width ? `${o.width}px` : '100%'};max-width:100%;height:${h}px" allowfullscreen></iframe>` +
		`<script async src="${attr(o.origin)}/embed.js"></script>`
	);
}
