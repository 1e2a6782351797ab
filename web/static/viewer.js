/* Open in the report: draw the PDF page with pdf.js (served from /static/vendor/pdfjs, never a CDN)
   and mark the quoted words on it. The words to mark come from the server, cut by page; they are
   found in the page's own text, compared without spaces, case, hyphens or the kind of quotation
   mark, so a line break or a hyphenated word in the PDF still matches the document text. */
const box = document.querySelector("[data-viewer]");

/* The text as compared: no spaces, hyphens or brackets, one kind of quotation mark, lower case. */
function fold(text) {
  return text.normalize("NFKC").toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\s\u00ad\u200b\-\u2010-\u2015\u2212[\]]/g, "");  /* "[2]" in the text is a raised 2 in the PDF */
}

/* The page's text without spaces, with, for each character, the text item and offset it came from. */
function pageText(items) {
  let text = "";
  const from = [];
  items.forEach((item, i) => {
    for (let k = 0; k < item.str.length; k++) {
      const folded = fold(item.str[k]);
      for (const c of folded) { text += c; from.push([i, k]); }
    }
  });
  return {text, from};
}

/* Where the piece starts (or, fromEnd, ends) on the page, from the first of its 12-character
   runs near that end that the page holds; -1 when none is found. */
function anchor(text, want, fromEnd, after) {
  const n = Math.min(12, want.length);
  for (let k = 0; k * n < Math.min(want.length, 60); k++) {
    const a = fromEnd ? want.length - n - k * n : k * n;
    if (a < 0) break;
    const at = text.indexOf(want.slice(a, a + n), after);
    if (at >= 0) return fromEnd ? Math.min(text.length, at + want.length - a) : Math.max(0, at - a);
  }
  return -1;
}

/* Character ranges per item that the piece covers: [[item, firstChar, lastChar+1], ...]. */
function locate(page, piece) {
  const want = fold(piece);
  if (!want) return [];
  let at = page.text.indexOf(want);
  let length = want.length;
  if (at < 0) {
    /* The PDF draws something differently in the middle (a footnote mark, a ligature): mark from
       where the piece starts to where it ends, found from short runs near each end. */
    const head = anchor(page.text, want, false, 0);
    const tail = head < 0 ? -1 : anchor(page.text, want, true, head);
    if (head < 0 || tail <= head || tail - head > want.length * 1.5) return [];
    at = head;
    length = tail - head;
  }
  const ranges = new Map();
  for (let j = at; j < at + length; j++) {
    const [i, k] = page.from[j];
    const r = ranges.get(i);
    if (r) r[1] = Math.max(r[1], k + 1);
    else ranges.set(i, [k, k + 1]);
  }
  return Array.from(ranges, ([i, r]) => [i, r[0], r[1]]);
}

async function start() {
  const status = box.querySelector("[data-viewer-status]");
  const holder = box.querySelector("[data-viewer-page]");
  const canvas = holder.querySelector("canvas");
  const pieces = JSON.parse(box.dataset.pieces || "[]");
  const quotePage = Number(box.dataset.page) || 1;
  let pdfjs;
  let doc;
  try {
    pdfjs = await import(box.dataset.pdfjs);
    pdfjs.GlobalWorkerOptions.workerSrc = box.dataset.worker;
    doc = await pdfjs.getDocument({
      url: box.dataset.pdf, isEvalSupported: false, standardFontDataUrl: box.dataset.fonts, enableXfa: false
    }).promise;
  } catch (e) {
    status.textContent = "The page could not be shown in this browser. Read the passage as text or download the PDF (links above).";
    return;
  }
  let number = Math.min(Math.max(1, quotePage), doc.numPages);
  let zoom = 1;
  let task = null;

  async function draw(say) {
    const page = await doc.getPage(number);
    const frame = box.querySelector("[data-viewer-frame]");
    const fit = Math.max(200, frame.clientWidth - 16) / page.getViewport({scale: 1}).width;
    const viewport = page.getViewport({scale: fit * zoom});
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = holder.style.width = Math.floor(viewport.width) + "px";
    canvas.style.height = holder.style.height = Math.floor(viewport.height) + "px";
    if (task) task.cancel();
    task = page.render({canvas, canvasContext: canvas.getContext("2d"), viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null});
    try { await task.promise; } catch (e) { return; }  /* a newer draw took over */
    holder.querySelectorAll(".viewer__mark").forEach((m) => m.remove());
    const here = pieces.filter((p) => p.page === number);
    let marked = 0;
    if (here.length) {
      const items = (await page.getTextContent()).items.filter((i) => typeof i.str === "string");
      const text = pageText(items);
      here.forEach((p) => p.pieces.forEach((piece) => {
        locate(text, piece).forEach(([i, a, b]) => {
          const item = items[i];
          const tx = pdfjs.Util.transform(viewport.transform, item.transform);
          const height = Math.hypot(tx[2], tx[3]);
          const width = item.width * viewport.scale;
          const share = item.str.length ? width / item.str.length : width;
          const mark = document.createElement("div");
          mark.className = "viewer__mark";
          mark.style.left = (tx[4] + share * a) + "px";
          mark.style.top = (tx[5] - height) + "px";
          mark.style.width = Math.max(2, share * (b - a)) + "px";
          mark.style.height = (height * 1.15) + "px";
          holder.appendChild(mark);
          marked++;
        });
      }));
    }
    const label = here.length && here[0].label ? " (printed page " + here[0].label + ")" : "";
    const what = "Page " + number + " of " + doc.numPages + label;
    let about = "";
    if (here.length) about = marked ? ", with the quote marked in yellow" : ". The quote is on this page but could not be marked on it";
    else if (pieces.length) about = ". The quote is on page " + quotePage;
    holder.setAttribute("aria-label", what + about + ".");
    box.querySelector("[data-viewer-prev]").disabled = number <= 1;
    box.querySelector("[data-viewer-next]").disabled = number >= doc.numPages;
    if (say !== false) status.textContent = what + about + ".";
    const first = holder.querySelector(".viewer__mark");
    if (first && say !== false) {
      frame.scrollTop = Math.max(0, first.offsetTop - frame.clientHeight / 3);
    }
  }

  /* Keep focus on the button pressed; at the first or last page it is disabled, so take the other. */
  function turn(by, button, other) {
    number = Math.min(Math.max(1, number + by), doc.numPages);
    draw().then(() => { if (button.disabled) other.focus(); });
  }
  const prev = box.querySelector("[data-viewer-prev]");
  const next = box.querySelector("[data-viewer-next]");
  prev.addEventListener("click", () => turn(-1, prev, next));
  next.addEventListener("click", () => turn(1, next, prev));
  const back = box.querySelector("[data-viewer-quote]");
  if (back) back.addEventListener("click", () => { number = quotePage; draw(); });
  box.querySelector("[data-viewer-larger]").addEventListener("click", () => { zoom = Math.min(4, zoom * 1.25); draw(); });
  box.querySelector("[data-viewer-smaller]").addEventListener("click", () => { zoom = Math.max(0.5, zoom / 1.25); draw(); });
  let resized = null;
  window.addEventListener("resize", () => { clearTimeout(resized); resized = setTimeout(() => draw(false), 200); });
  await draw();
  box.setAttribute("data-viewer-ready", "");
}

if (box) {
  box.hidden = false;
  start();
}
