// Trunk's post-build hook. Trunk runs the hooks of one stage at the same time, and every step
// rewrites index.html, so they run here one after the other: the apps' scripts and the styles
// are minified, ECharts' script tag becomes a meta tag, Trunk's loader gives way to the choice of
// app, the boot screen gets its opening words, the page sheds its comments and its inline
// scripts are minified, then the CSP gets the hashes of the inline scripts and style.
await import('./minify.mjs');
await import('./lazy-echarts.mjs');
await import('./choose-app.mjs');
await import('./texts.mjs');
await import('./boot-texts.mjs');
await import('./minify-page.mjs');
await import('./csp-hash.mjs');
