// The hostile-text corpus: strings that break out of markup, attributes, styles, scripts, URLs
// and text direction, put into every text field of a meeting (`hostileMeeting`). Each vector
// that could run code sets `window.__pwned` (or opens a dialog), which the tests watch for.

const RUN = 'window.__pwned=1';
export const VECTORS = [
  `<script>${RUN}</script>`,
  `<SCRIPT SRC=//example.invalid/x.js></SCRIPT>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload=${RUN}>`,
  `<svg><script>${RUN}</script></svg>`,
  `<iframe src="javascript:${RUN}"></iframe>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>">`,
  `<body onload=${RUN}>`,
  `<details open ontoggle=${RUN}>`,
  `<input autofocus onfocus=${RUN}>`,
  `<video><source onerror=${RUN}>`,
  `<audio src=x onerror=${RUN}>`,
  `<marquee onstart=${RUN}>`,
  `<a href="javascript:${RUN}">link</a>`,
  `<a href="data:text/html,<script>${RUN}</script>">data link</a>`,
  `<form action="javascript:${RUN}"><button>go</button></form>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<object data="javascript:${RUN}">`,
  `<embed src="javascript:${RUN}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<base href="javascript:${RUN}//">`,
  `<link rel=stylesheet href="data:text/css,*{background:red}">`,
  `"><script>${RUN}</script>`,
  `'><img src=x onerror=${RUN}>`,
  `" onmouseover="${RUN}" x="`,
  `' onfocus='${RUN}' autofocus='`,
  `\` onload=\`${RUN}`,
  `"autofocus onfocus=${RUN} x="`,
  `</title><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `</style><script>${RUN}</script>`,
  `</script><script>${RUN}</script>`,
  `<!--<img src=x onerror=${RUN}>-->`,
  `--><script>${RUN}</script><!--`,
  `<![CDATA[<script>${RUN}</script>]]>`,
  `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`,
  `&lt;script&gt;${RUN}&lt;/script&gt; &amp; &#60;b&#62; &nbsp;`,
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` javascript:${RUN}`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+`,
  `vbscript:msgbox(1)`,
  `url(javascript:${RUN})`,
  `background:url("javascript:${RUN}")`,
  `expression(${RUN})`,
  `}</style><style>*{display:none}</style>`,
  `{{constructor.constructor('${RUN}')()}}`,
  `\${${RUN}}`,
  `%3Cscript%3E${RUN}%3C%2Fscript%3E`,
  `\u202Eevil\u202C order`,
  `\u202Dleft \u202Bright\u202C`,
  `\u2067isolated\u2069 \u2066ltr\u2069`,
  `zero\u200Bwidth\u200C\u200D\uFEFFjoiners`,
  `right-to-left: مرحبا שלום`,
  `NUL\u0000inside`,
  `bell\u0007and escape\u001b[31mred\u001b[0m`,
  `lone \uD800 surrogate`,
  `other lone \uDFFF surrogate`,
  `CRLF\r\nInjected: header\r\n`,
  `line\u2028separator\u2029paragraph`,
  `tab\there\vvertical\fform`,
  `emoji 🎉👩🏽‍💻 and combining e\u0301\u0301\u0301`,
  `Z̸̢̛̤͓̗̃a̶l̷g̸o̴`,
  `"quotes" 'single' \`back\` \\ backslash`,
  `BEGIN:VEVENT\r\nSUMMARY:injected\r\nEND:VEVENT`,
  `=HYPERLINK("http://example.invalid","x")`,
  `+1+1`,
  `-2+3`,
  `@SUM(1+1)`,
  `${'Long '.repeat(58)}end`,
];

/** The text fields of our meeting file, by the list they are in. */
const FIELDS = {
  meeting: ['title', 'edition', 'host', 'venue', 'city', 'description'],
  days: ['label'],
  rooms: ['name', 'description'],
  themes: ['name', 'description'],
  people: ['honorific', 'given_name', 'family_name', 'position', 'organization', 'organization_short', 'bio'],
  sessions: ['title', 'description', 'outcomes'],
  items: ['title'],
  record: ['introduction', 'closing'],
  recommendations: ['text'],
};

/** Our meeting file (`file`, parsed) with a vector in every text field, each field the next. */
export function hostileMeeting(file) {
  const out = structuredClone(file);
  const m = out.meeting;
  let n = 0;
  const fill = (obj, keys) => {
    for (const k of keys) obj[k] = VECTORS[n++ % VECTORS.length];
  };
  fill(m, FIELDS.meeting);
  for (const d of m.days) fill(d, FIELDS.days);
  for (const r of m.rooms) fill(r, FIELDS.rooms);
  for (const t of m.themes) fill(t, FIELDS.themes);
  for (const p of m.people) fill(p, FIELDS.people);
  for (const s of m.sessions) {
    fill(s, FIELDS.sessions);
    for (const i of s.items ?? []) fill(i, FIELDS.items);
  }
  if (m.record) {
    fill(m.record, FIELDS.record);
    for (const r of m.record.recommendations ?? []) fill(r, FIELDS.recommendations);
  }
  return { file: out, filled: n };
}
