// gongwen's drafting-room page: one plan, edited as a form made from the JSON Schema or as YAML,
// previewed as the printed pages shortly after each change, with the findings beside them.
// Written by hand, no build step; the server's Content-Security-Policy allows no inline script.
"use strict";

const T = JSON.parse(document.body.dataset.labels);
const $ = (id) => document.getElementById(id);
const state = { yaml: "", data: {}, mode: "form", files: new Map(), kinds: [], schema: null, timer: null,
                serial: 0, findings: [], sizes: [] };
// fields written in a text area (a paragraph a line), and those the form leaves to YAML
const LONG = new Set(["body", "content", "note"]);
const HIDDEN = new Set(["kind", "profile"]);

function token() { return sessionStorage.getItem("gongwen-token") || ""; }

async function call(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token()) headers["X-Gongwen-Token"] = token();
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (response.status === 401) $("token-form").classList.remove("hidden");
  return response;
}

async function problemOf(response) {
  try { return await response.json(); } catch (e) { return { detail: response.statusText }; }
}

function showProblem(found) {
  const box = $("problem");
  if (!found) { box.classList.add("hidden"); box.textContent = ""; return; }
  box.textContent = found.detail || found.title;
  box.classList.remove("hidden");
  if (found.line && state.mode === "yaml") selectLine($("yaml"), found.line);
}

function selectLine(area, line) {
  const lines = area.value.split("\n");
  const start = lines.slice(0, line - 1).join("\n").length + (line > 1 ? 1 : 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1] || "").length);
}

// -- the schema's form -------------------------------------------------------------------------
function resolve(node) {
  if (node && node.$ref) return state.schema.$defs[node.$ref.split("/").pop()];
  return node;
}

function shape(node) {
  node = resolve(node) || {};
  const options = (node.anyOf || [node]).map(resolve).filter((o) => o.type !== "null");
  if (options.some((o) => o.format === "date")) return { kind: "date" };
  if (node.enum) return { kind: "enum", values: node.enum };
  const object = options.find((o) => o.properties);
  const array = options.find((o) => o.type === "array");
  if (array) {
    const item = resolve(array.items) || {};
    const itemObject = (item.anyOf || [item]).map(resolve).find((o) => o.properties);
    return itemObject ? { kind: "objects", of: itemObject } : { kind: "list" };
  }
  // a part drafters write as one string (a 文号) is a text field, not its parts
  if (object && !options.some((o) => o.type === "string")) return { kind: "object", of: object };
  if (options.some((o) => o.type === "boolean")) return { kind: "boolean" };
  if (options.some((o) => o.type === "integer")) return { kind: "integer" };
  return { kind: "text" };
}

function visible(name) {
  const kind = state.kinds.find((k) => k.name === (state.data.kind || "notice"));
  if (!kind || HIDDEN.has(name) || kind.refused.includes(name)) return false;
  return !state.kinds.some((k) => k !== kind && k.own.includes(name) && !kind.own.includes(name));
}

function englishKeys(properties) {
  return Object.keys(properties).filter((key) => /^[a-z_]+$/.test(key));
}

function field(label, help, input) {
  const wrap = document.createElement("div");
  wrap.className = "field";
  const title = document.createElement("label");
  title.textContent = label;
  wrap.append(title, input);
  if (help && help !== label) {
    const note = document.createElement("small");
    note.textContent = help;
    wrap.append(note);
  }
  return wrap;
}

function button(text, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", action);
  return b;
}

// An editor for ``value`` of the schema ``node``; ``set`` stores a new value.
function editor(name, node, value, set) {
  const s = shape(node);
  if (s.kind === "object") return objectEditor(s.of, value || {}, set);
  if (s.kind === "objects") {
    const box = document.createElement("div");
    const items = (value || []).map((v) => (typeof v === "string" ? { title: v } : v));
    items.forEach((item, i) => {
      const set_ = (v) => { items[i] = v; set(items.slice()); };
      const part = objectEditor(s.of, item, set_);
      part.append(button(T.remove, () => { items.splice(i, 1); set(items.slice()); redraw(); }));
      box.append(part);
    });
    box.append(button(T.add, () => { items.push({}); set(items.slice()); redraw(); }));
    return box;
  }
  if (s.kind === "list" && name !== "title") {
    const box = document.createElement("div");
    const items = Array.isArray(value) ? value.slice() : value ? [value] : [];
    const draw = () => {
      box.replaceChildren();
      items.forEach((item, i) => {
        const row = document.createElement("div");
        row.className = "list-item";
        const input = document.createElement("input");
        input.type = "text";
        input.value = item;
        input.addEventListener("input", () => { items[i] = input.value; set(items.filter((v) => v !== "")); });
        row.append(input, button("−", () => { items.splice(i, 1); set(items.slice()); draw(); }));
        box.append(row);
      });
      box.append(button(T.add, () => { items.push(""); draw(); box.querySelectorAll("input").forEach((e, i, all) => {
        if (i === all.length - 1) e.focus(); }); }));
    };
    draw();
    return box;
  }
  let input;
  if (s.kind === "enum") {
    input = document.createElement("select");
    for (const option of ["", ...s.values]) input.append(new Option(option, option));
    input.value = value || "";
  } else if (s.kind === "boolean") {
    input = document.createElement("input");
    input.type = "checkbox";
    input.checked = Boolean(value);
    input.addEventListener("change", () => set(input.checked));
    return input;
  } else if (LONG.has(name)) {
    input = document.createElement("textarea");
    input.rows = name === "body" ? 14 : 4;
    input.value = value || "";
  } else {
    input = document.createElement("input");
    input.type = s.kind === "date" ? "date" : s.kind === "integer" ? "number" : "text";
    input.value = Array.isArray(value) ? value.join("") : value ?? "";
  }
  input.name = name;
  input.addEventListener(input.tagName === "SELECT" ? "change" : "input", () => {
    const v = input.value;
    set(v === "" ? undefined : s.kind === "integer" ? Number(v) : v);
  });
  return input;
}

function objectEditor(of, value, set) {
  const box = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = of.title || "";
  box.append(legend);
  const current = Object.assign({}, value);
  for (const key of englishKeys(of.properties)) {
    const node = of.properties[key];
    box.append(field(node.title || key, node.description, editor(key, node, current[key], (v) => {
      if (v === undefined) delete current[key]; else current[key] = v;
      set(Object.assign({}, current));
    })));
  }
  return box;
}

function redraw() {
  const form = $("form");
  form.replaceChildren();
  const properties = state.schema.properties;
  for (const key of englishKeys(properties).filter(visible)) {
    const node = properties[key];
    form.append(field(node.title || key, node.description, editor(key, node, state.data[key], (v) => {
      if (v === undefined || (Array.isArray(v) && v.length === 0)) delete state.data[key]; else state.data[key] = v;
      changed();
    })));
  }
}

// -- the plan's two faces ------------------------------------------------------------------------
async function toForm() {
  const response = await call("/api/plan-data", { method: "POST", body: withFiles("plan", state.yaml) });
  if (!response.ok) { showProblem(await problemOf(response)); return false; }
  state.data = (await response.json()).data;
  $("kind").value = state.data.kind || "notice";
  redraw();
  return true;
}

async function fromForm() {
  const response = await call("/api/plan-text", { method: "POST", body: JSON.stringify(state.data),
                                                   headers: { "Content-Type": "application/json" } });
  state.yaml = await response.text();
  $("yaml").value = state.yaml;
}

function withFiles(field, text) {
  const body = new FormData();
  body.append(field, new Blob([text], { type: "application/yaml" }), "plan.yaml");
  for (const [name, file] of state.files) body.append("files", file, name);
  return body;
}

function changed() {
  clearTimeout(state.timer);
  $("status").textContent = T.waiting;
  state.timer = setTimeout(refresh, 500);
}

async function refresh() {
  const serial = ++state.serial;
  if (state.mode === "form") await fromForm(); else state.yaml = $("yaml").value;
  $("status").textContent = T.printing;
  const response = await call("/api/preview", { method: "POST", body: withFiles("plan", state.yaml) });
  if (serial !== state.serial) return;           // a newer edit is on its way
  if (!response.ok) {
    const found = await problemOf(response);
    showProblem(found);
    $("status").textContent = found.title || T.failed;
    return;
  }
  showProblem(null);
  const result = await response.json();
  showPages(result.pages, result.sizes, result.findings, result.warnings);
  $("status").textContent = T.printed.replace("{n}", result.pages.length);
}

function showPages(pages, sizes, findings, warnings) {
  state.findings = findings;
  state.sizes = sizes || [];
  const holder = $("pages");
  holder.replaceChildren();
  pages.forEach((src, i) => {
    const page = document.createElement("div");
    page.className = "page";
    page.id = `page-${i + 1}`;
    const image = new Image();
    image.src = src;
    image.alt = T.page.replace("{n}", i + 1);
    const number = document.createElement("span");
    number.className = "number";
    number.textContent = T.page.replace("{n}", i + 1);
    page.append(number, image);
    holder.append(page);
  });
  const list = $("findings");
  list.replaceChildren();
  findings.forEach((f, i) => {
    const item = document.createElement("li");
    item.className = f.severity;
    item.textContent = `${f.page ? T.page.replace("{n}", f.page) + "：" : ""}${f.message}（${f.expected} / ${f.measured}）`
      + (f.where ? ` “${f.where}”` : "");
    item.addEventListener("click", () => highlight(i, item));
    list.append(item);
  });
  $("clean").classList.toggle("hidden", findings.length > 0);
  const said = $("warnings");
  said.replaceChildren(...(warnings || []).map((w) => { const li = document.createElement("li"); li.textContent = w;
                                                         return li; }));
}

function highlight(index, item) {
  document.querySelectorAll(".mark").forEach((m) => m.remove());
  document.querySelectorAll("#findings li").forEach((li) => li.classList.remove("selected"));
  item.classList.add("selected");
  const f = state.findings[index];
  const page = $(`page-${f.page || 1}`);
  if (!page) return;
  const mark = document.createElement("div");
  mark.className = "mark";
  const [width, height] = state.sizes[(f.page || 1) - 1] || [210, 297];
  const box = f.box || [5, 5, width - 5, height - 5];
  if (!f.box) mark.classList.add("page-wide");
  Object.assign(mark.style, { left: `${box[0] / width * 100}%`, top: `${box[1] / height * 100}%`,
                              width: `${(box[2] - box[0]) / width * 100}%`, height: `${(box[3] - box[1]) / height * 100}%` });
  page.append(mark);
  page.scrollIntoView({ behavior: "smooth", block: "center" });
}

// -- what comes in ------------------------------------------------------------------------------
async function loadYaml(text) {
  state.yaml = text;
  $("yaml").value = text;
  if (state.mode === "form" && !(await toForm())) setMode("yaml");
  changed();
}

async function starter() {
  const response = await call(`/api/starter/${encodeURIComponent($("kind").value)}`);
  if (response.ok) await loadYaml(await response.text());
}

async function importDraft(body) {
  const response = await call("/api/import", { method: "POST", body });
  if (!response.ok) { showProblem(await problemOf(response)); return; }
  const found = await response.json();
  await loadYaml(found.yaml);
  $("warnings").replaceChildren(...found.changes.concat(found.leftovers.map((l) => T.left + l.text)).map((w) => {
    const li = document.createElement("li"); li.textContent = w; return li; }));
}

async function download(format) {
  if (state.mode === "form") await fromForm(); else state.yaml = $("yaml").value;
  const response = await call(`/api/render?format=${format}`, { method: "POST", body: withFiles("plan", state.yaml) });
  if (!response.ok) { showProblem(await problemOf(response)); return; }
  save(await response.blob(), `${T.document}.${format}`);
}

function save(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

async function checkDocx() {
  const file = $("check-file").files[0];
  if (!file) return;
  const body = new FormData();
  body.append("file", file, file.name);
  $("status").textContent = T.printing;
  const response = await call("/api/check?pdf=true&pages=true", { method: "POST", body });
  if (!response.ok) { showProblem(await problemOf(response)); return; }
  const report = await response.json();
  const entry = report.documents[0];
  showPages(report.pages, entry.sizes, entry.findings, []);
  $("status").textContent = `${file.name}：${entry.findings.length ? T.found.replace("{n}", entry.findings.length)
                                                                  : T.clean}`;
}

async function formatDocx() {
  const file = $("check-file").files[0];
  if (!file) return;
  const body = new FormData();
  body.append("file", file, file.name);
  const response = await call("/api/format", { method: "POST", body });
  if (!response.ok) { showProblem(await problemOf(response)); return; }
  save(await response.blob(), file.name.replace(/\.docx$/i, "") + T.formatted + ".docx");
}

async function campaign(facts) {
  const body = new FormData();
  for (const file of $("campaign-files").files) body.append("files", file, file.name);
  const response = await call(`/api/campaign?facts=${facts}`, { method: "POST", body });
  if (!response.ok) { showProblem(await problemOf(response)); return; }
  if (facts) $("facts").textContent = JSON.stringify((await response.json()).facts, null, 2);
  else save(await response.blob(), `${T.campaign}.zip`);
}

async function setMode(mode) {
  if (mode === state.mode) return;
  if (mode === "form") {
    state.yaml = $("yaml").value;
    state.mode = "form";
    if (!(await toForm())) { state.mode = "yaml"; return; }
  } else {
    await fromForm();
    state.mode = "yaml";
  }
  $("form").classList.toggle("hidden", mode !== "form");
  $("yaml-pane").classList.toggle("hidden", mode !== "yaml");
  $("tab-form").setAttribute("aria-selected", String(mode === "form"));
  $("tab-yaml").setAttribute("aria-selected", String(mode === "yaml"));
}

async function start() {
  if (document.body.dataset.tokenNeeded === "yes" && !token()) $("token-form").classList.remove("hidden");
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    sessionStorage.setItem("gongwen-token", $("token").value);
    location.reload();
  });
  const [kinds, schema] = await Promise.all([call("/api/kinds"), call("/api/schema/plan")]);
  if (!kinds.ok || !schema.ok) return;
  state.kinds = await kinds.json();
  state.schema = await schema.json();
  $("kind").replaceChildren(...state.kinds.map((k) => new Option(k.zh, k.name)));
  $("kind").addEventListener("change", () => { state.data.kind = $("kind").value; redraw(); changed(); });
  $("starter").addEventListener("click", starter);
  $("tab-form").addEventListener("click", () => setMode("form"));
  $("tab-yaml").addEventListener("click", () => setMode("yaml"));
  $("yaml").addEventListener("input", changed);
  $("files").addEventListener("change", () => {
    for (const file of $("files").files) state.files.set(file.name, file);
    $("file-names").textContent = [...state.files.keys()].join("、");
    changed();
  });
  $("draft").addEventListener("change", () => {
    const file = $("draft").files[0];
    if (!file) return;
    const body = new FormData();
    body.append("file", file, file.name);
    importDraft(body);
  });
  $("paste-import").addEventListener("click", () => {
    const body = new FormData();
    body.append("file", new Blob([$("pasted").value], { type: "text/plain" }), "pasted.txt");
    importDraft(body);
  });
  $("download-docx").addEventListener("click", () => download("docx"));
  $("download-pdf").addEventListener("click", () => download("pdf"));
  $("check-file").addEventListener("change", checkDocx);
  $("format-docx").addEventListener("click", formatDocx);
  $("campaign-facts").addEventListener("click", () => campaign(true));
  $("campaign-zip").addEventListener("click", () => campaign(false));
  await starter();
}

start();
