/**
 * The toolbar's script, served from /preview/assets/preview.js (CSP `script-src 'self'`: no
 * inline script). It applies the picker at once and reloads the frame when the server says so.
 */
export const PREVIEW_JS = `"use strict";
const picker = document.getElementById("picker");
if (picker) picker.addEventListener("change", () => picker.requestSubmit());
const frame = document.getElementById("frame");

async function refresh(version) {
  if (document.body.dataset.version === version) return;
  document.body.dataset.version = version;
  // The error page has no frame: load it again, the fix may have come.
  if (!frame) {
    location.reload();
    return;
  }
  {
    const url = new URL(frame.getAttribute("src"), location.href);
    url.searchParams.set("v", version);
    frame.setAttribute("src", url.pathname + url.search);
  }
  // The size meter and the link check change with the email; the forms keep what is typed.
  try {
    const response = await fetch(location.href, { headers: { accept: "text/html" } });
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    const report = fresh.getElementById("report");
    if (report) document.getElementById("report")?.replaceWith(report);
  } catch {
    // The next change tries again.
  }
}

const events = new EventSource("/preview/events");
events.addEventListener("change", (event) => refresh(event.data));
`;

/** The preview's stylesheet: the toolbar above, the frame and the editor side by side. */
export const PREVIEW_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.4;color:#1a1a1a;background:#eceae6}
body{margin:0}
.pv-bar{background:#fff;border-bottom:1px solid #ccc;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.pv-bar form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:0}
.pv-bar fieldset{border:0;margin:0;padding:0;display:flex;gap:.5rem}
.pv-bar legend{float:left;font-weight:600;margin-right:.25rem}
label{font-size:.9rem}
select,input[type=email],input[type=text],textarea{font:inherit;font-size:.9rem;padding:.25rem;border:1px solid #888;border-radius:4px}
textarea{width:100%;min-height:4.5rem}
button{font:inherit;font-size:.9rem;font-weight:600;padding:.3rem .8rem;border-radius:4px;border:1px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d4ed8}
button.danger{background:#fff;color:#b91c1c;border-color:#b91c1c}
#report{padding:.5rem 1rem;background:#f8f8f6;border-bottom:1px solid #ddd;font-size:.9rem}
#report p{margin:.2rem 0}
.size-ok{color:#166534}.size-warn{color:#a16207;font-weight:600}.size-over{color:#b91c1c;font-weight:700}
.links-bad{color:#b91c1c}
.notice{background:#ecfdf5;border:1px solid #10b981;border-radius:6px;padding:.4rem .8rem;margin:.5rem 1rem}
.error{background:#fef2f2;border:1px solid #ef4444;border-radius:6px;padding:.4rem .8rem;margin:.5rem 1rem}
.pv-main{display:flex;gap:1rem;padding:1rem;align-items:flex-start}
.pv-stage{flex:none;background:#fff;box-shadow:0 0 0 1px #ccc}
#frame{display:block;border:0;height:calc(100vh - 10rem);min-height:30rem;background:#fff}
.pv-editor{flex:1;min-width:18rem;max-width:40rem}
.pv-editor section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.75rem;margin-bottom:.75rem}
.pv-editor h2{font-size:1rem;margin:0 0 .5rem}
.pv-editor h3{font-size:.95rem;margin:0 0 .25rem}
.pv-editor form{margin:.25rem 0}
.pv-editor section.pv-unsure{border-color:#b45309;border-left-width:4px}
.pv-unsure-note{color:#92400e;font-size:.85rem;margin:0 0 .25rem}
.pv-row{display:flex;gap:.4rem;flex-wrap:wrap;align-items:center}
button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
`;
