/**
 * Tells the host page the embed's height whenever it changes, in the three
 * dialects hosts listen to: pym.js ("pymxPYMx<id>xPYMxheightxPYMx<px>"),
 * Datawrapper's {"datawrapper-height": {<key>: px}}, and Qantar's own
 * {qantar: {height}} read by /embed.js. Returns a function that stops it.
 */
export function heightMessages(height: number, pymId: string | null, key: string): unknown[] {
	const msgs: unknown[] = [{ qantar: { type: 'height', height } }, { 'datawrapper-height': { [key]: height } }];
	if (pymId) msgs.push(['pym', pymId, 'height', String(height)].join('xPYMx'));
	return msgs;
}

export function startAutoHeight(key: string): () => void {
	if (window.parent === window) return () => {};
	const pymId = new URLSearchParams(location.search).get('childId');
	let last = -1;
	const send = () => {
		const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
		if (h === last) return;
		last = h;
		for (const m of heightMessages(h, pymId, key)) window.parent.postMessage(m, '*');
	};
	const ro = new ResizeObserver(send);
	ro.observe(document.documentElement);
	ro.observe(document.body);
	// pym parents ask again when their width changes
	const onMessage = (e: MessageEvent) => {
		if (typeof e.data === 'string' && pymId && e.data.startsWith(`pymxPYMx${pymId}xPYMxwidth`)) {
			last = -1;
			send();
		}
	};
	window.addEventListener('message', onMessage);
	send();
	return () => {
		ro.disconnect();
		window.removeEventListener('message', onMessage);
	};
}
