/*! Qantar embed helper: resizes Qantar iframes on a page to their content's
 * height. Use: <script async src="https://YOUR-QANTAR/embed.js"></script>
 * after the iframe(s). No dependencies; pages using pym.js need not load it. */
(function () {
	if (window.__qantarEmbed) return;
	window.__qantarEmbed = true;
	var script = document.currentScript;
	var origin = script ? new URL(script.src, location.href).origin : null;
	window.addEventListener('message', function (e) {
		if (origin && e.origin !== origin) return;
		var d = e.data;
		if (!d || typeof d !== 'object' || !d.qantar || d.qantar.type !== 'height') return;
		var h = Number(d.qantar.height);
		if (!isFinite(h) || h <= 0 || h > 20000) return;
		var frames = document.getElementsByTagName('iframe');
		for (var i = 0; i < frames.length; i++) {
			if (frames[i].contentWindow === e.source) {
				frames[i].style.height = Math.ceil(h) + 'px';
				frames[i].setAttribute('height', String(Math.ceil(h)));
				frames[i].setAttribute('scrolling', 'no');
			}
		}
	});
})();
