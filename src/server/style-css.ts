/** The stylesheet of every page, served from /assets/style.css (CSP: style-src 'self'). */
export const STYLE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1a1a1a;background:#f6f6f4}
body{margin:0;padding:1rem}
header,main{max-width:36rem;margin:0 auto}
.brand{font-weight:600;color:#444;margin:.5rem 0 1.5rem}
main{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1.5rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
fieldset{border:1px solid #ddd;border-radius:6px;margin:0 0 1.25rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
label{display:block;margin:.4rem 0}
input[type=email],input[type=text],select{display:block;width:100%;font:inherit;padding:.5rem;border:1px solid #888;border-radius:4px;margin-top:.25rem}
input[type=checkbox],input[type=radio]{width:1.1rem;height:1.1rem;vertical-align:-.15rem;margin-right:.4rem}
button{font:inherit;font-weight:600;padding:.6rem 1.1rem;border-radius:4px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer;margin:.25rem .5rem .25rem 0}
button.secondary{background:#fff;color:#b91c1c;border-color:#b91c1c}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.notice{background:#ecfdf5;border:1px solid #10b981;border-radius:6px;padding:.75rem 1rem}
.error{background:#fef2f2;border:1px solid #ef4444;border-radius:6px;padding:.75rem 1rem}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
@media (max-width:30rem){body{padding:.5rem}main{padding:1rem;border-radius:0}}
@media (prefers-color-scheme:dark){html{color:#eee;background:#111}main{background:#1b1b1b;border-color:#333}.brand{color:#bbb}input[type=email],input[type=text],select{background:#222;color:#eee}}
`;
