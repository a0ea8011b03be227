/**
 * The one style sheet of the pages, inlined in each (no request, nothing to cache-bust). System
 * fonts, a measure of about 70 characters, a line height of 1.6, a dark scheme that follows the
 * reader's setting, and no JavaScript. Every block of the page (header bar, article, subscribe box,
 * footer) sits in the same column: `.wrap` is sized in the body's font, and the blocks that use a
 * smaller text set it on their children, never on the column itself. A body's wide table scrolls
 * sideways in the column rather than widening the page on a phone; its figures on a number column
 * line up (`tabular-nums`; a `--:` column of the Markdown aligns right); a video embed keeps 16:9
 * at any width, other embeds (charts) the height their code gives.
 */
export const PAGE_STYLE =
  `
:root{color-scheme:light dark;--fg:#1a1a1a;--muted:#585858;--bg:#fdfdfb;--accent:#a3161b;--rule:#d9d8d2;--tint:#f3f2ee}
@media (prefers-color-scheme:dark){:root{--fg:#e8e6e1;--muted:#aca89f;--bg:#141414;` +
  `--accent:#ff8f87;--rule:#3a3936;--tint:#1f1f1d}}
*,::before,::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.6 system-ui,-apple-system,` +
  `"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;font-kerning:normal}
.wrap{width:min(100% - 2.5rem,60ch);margin-inline:auto}
a{color:var(--accent);text-underline-offset:.15em;text-decoration-thickness:1px}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.nb{white-space:nowrap}
.skip{position:absolute;left:-999px;top:.5rem;z-index:1;background:var(--bg);padding:.5rem 1rem}.skip:focus{left:1rem}
.site-header{border-bottom:1px solid var(--rule)}
.bar{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.25rem 1rem;padding-block:.9rem}
.bar .home{color:var(--fg);font-weight:800;font-size:1.3rem;letter-spacing:-.01em;text-decoration:none}
.bar .follow{font-size:.9375rem}
main{padding-block:2rem 1rem}
h1,h2,h3{line-height:1.2;text-wrap:balance}
h1{font-size:clamp(1.75rem,1.2rem + 2.4vw,2.5rem);margin:0 0 1rem;letter-spacing:-.015em}
h2{font-size:1.3rem;margin:2.5rem 0 .75rem}
p,li,blockquote,figcaption{overflow-wrap:break-word;hyphens:auto}
p{margin:0 0 1em;text-wrap:pretty}
.kicker{margin:0 0 .5rem;color:var(--accent);font-size:.875rem;font-weight:700;` +
  `letter-spacing:.06em;text-transform:uppercase}
.standfirst,.lead>p:first-child{font-size:1.25rem;line-height:1.5;color:var(--muted)}
.meta{font-size:.9375rem;color:var(--muted);margin:0 0 .25rem}
article>header{margin-bottom:1.5rem;padding-bottom:1.25rem;border-bottom:1px solid var(--rule)}
figure{margin:1.5rem 0}
img{display:block;max-width:100%;height:auto}
figcaption{font-size:.9375rem;color:var(--muted);margin-top:.5rem}
.credit{font-size:.8125rem;letter-spacing:.02em;text-transform:uppercase;white-space:nowrap}
.body table{display:block;max-width:100%;overflow-x:auto;border-collapse:collapse;margin:1.5rem 0;` +
  `font-size:.9375rem;line-height:1.45;font-variant-numeric:tabular-nums lining-nums}
.body th,.body td{padding:.4rem .75rem;border:1px solid var(--rule);text-align:left;vertical-align:top}
.body thead th{background:var(--tint);border-bottom:2px solid var(--muted)}
.body tbody tr:nth-child(even){background:var(--tint)}
.body iframe{display:block;width:100%;max-width:100%;border:0;margin:1.5rem 0}
.body iframe:is([src*="youtube-nocookie.com/"],[src*="vimeo.com/"],[src*="dailymotion.com/"],` +
  `[src*="arte.tv/"]){aspect-ratio:16/9;height:auto}
.footnote-ref{line-height:0}.footnote-ref a{padding-inline:.1em}
.footnotes-sep{border:0;border-top:1px solid var(--rule);margin:2.5rem 0 1rem}
.footnotes{font-size:.9375rem;color:var(--muted)}.footnotes-list{padding-left:1.6em}
.footnote-backref{padding-inline:.25em}
.footnote-item:target{background:var(--tint);outline:2px solid var(--rule)}
blockquote{margin:1.5rem 0;padding:.75rem 1.1rem;border-left:4px solid var(--accent);` +
  `background:var(--tint);font-size:1.1875rem;line-height:1.55}
blockquote p:last-child{margin:0}
.quote blockquote{margin:0}
.tags{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;padding:0;margin:.25rem 0 0}
.tags li{border:1px solid var(--rule);border-radius:1rem;padding:0 .65rem;font-size:.875rem}
ol,ul{padding-left:1.4em}
.sources li{margin-bottom:.6rem}
.corrections{margin:1.5rem 0;padding:.75rem 1.1rem;border:1px solid var(--rule);border-left:4px solid var(--muted)}
.corrections p{margin:.25rem 0}
.articles{list-style:none;padding:0;margin:0}
.articles>li{padding-block:1.1rem;border-top:1px solid var(--rule)}
.articles h3{font-size:1.3rem;margin:0 0 .35rem}
.articles h3 a{color:var(--fg);text-decoration:none}.articles h3 a:hover{text-decoration:underline}
.articles p{margin:0 0 .35rem}
.kicker a{color:inherit}
.pages ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:1.5rem 0}
.streams{columns:14rem}
.portrait{width:7rem;border-radius:50%;margin-bottom:1rem}
.subscribe{margin-block:1.5rem 2rem;padding:1.1rem 1.25rem;border-radius:.5rem;background:var(--tint)}
.subscribe h2{margin:0 0 .35rem}
.subscribe p{margin:0 0 .75rem}
.feeds{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0;padding:0}
.feeds a{display:inline-block;padding:.3rem .85rem;border:1px solid var(--accent);border-radius:2rem;` +
  `text-decoration:none;font-size:.9375rem;font-weight:600}
.feeds a:hover{background:var(--accent);color:var(--bg)}
.site-footer{border-top:1px solid var(--rule);padding-block:1rem 2rem;color:var(--muted)}
.site-footer p{margin:0;font-size:.875rem}
@media (max-width:30rem){body{font-size:1.0625rem}.standfirst,.lead>p:first-child{font-size:1.125rem}` +
  `blockquote{font-size:1.0625rem}}
@media print{.skip,.follow,.subscribe{display:none}body{background:#fff;color:#000}}
`;

/** Added for a site with a `logo`: the logo sits before the site's name, as tall as two lines of the bar's text. */
export const LOGO_STYLE =
  '.bar .home{display:inline-flex;align-items:center;gap:.6rem}.bar .logo{width:auto;height:2.5rem}\n';
