/** The console's stylesheet (inline, nonce-bound). */
export const CONSOLE_STYLE: string = `
*{box-sizing:border-box}body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f6f4}
header{display:flex;justify-content:space-between;align-items:center;padding:.6rem 1.2rem;background:#23324a;color:#fff}
header h1{font-size:1.2rem;margin:0}header p{margin:0}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;padding:1rem 1.2rem}
section{background:#fff;border:1px solid #d5d5d0;border-radius:6px;padding:.8rem 1rem}
h2{margin:.1rem 0 .6rem;font-size:1.1rem}h3{font-size:1rem;margin:1rem 0 .3rem}
.filters{display:flex;flex-wrap:wrap;gap:.4rem .6rem;align-items:center;margin-bottom:.6rem}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.35rem .4rem;border-bottom:1px solid #e4e4df;vertical-align:top}
tr.selected{background:#e8eefb}
button{font:inherit;padding:.3rem .8rem;border:1px solid #23324a;border-radius:4px;background:#fff;color:#23324a;cursor:pointer}
button:hover{background:#eef2f9}button:disabled{opacity:.45;cursor:not-allowed}button.danger{border-color:#9b1c1c;color:#9b1c1c}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fbf6e9;border:1px solid #e2d3a8;padding:.6rem;max-height:16rem;overflow:auto}
textarea{width:100%;font:inherit}.actions{display:flex;gap:.6rem;margin-top:.4rem}
.hint{color:#555;font-size:.9rem;margin:.2rem 0}.tier{font-weight:600}
#status{position:fixed;bottom:.6rem;right:1rem;margin:0;background:#23324a;color:#fff;padding:.3rem .8rem;border-radius:4px}
#status:empty{display:none}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media (max-width:900px){main{grid-template-columns:1fr}}
`;
