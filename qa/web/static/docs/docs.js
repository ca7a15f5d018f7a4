// Interactive API docs: read the OpenAPI description of this service and render each
// endpoint with its parameters and a form to try it. Same origin only; no other fetch.
"use strict";

(function () {
  const root = document.getElementById("docs");
  const status = document.getElementById("status");
  let sample = ""; // an example question from /api/archive, made from the archive's headlines

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c !== null && c !== undefined) node.append(c);
    }
    return node;
  }

  // Follow a local "$ref" ("#/components/schemas/X") to its schema.
  function resolve(spec, schema) {
    let s = schema || {};
    while (s.$ref && s.$ref.startsWith("#/")) {
      s = s.$ref.slice(2).split("/").reduce((o, k) => (o || {})[k], spec) || {};
    }
    return s;
  }

  function typeOf(schema) {
    let t = schema.type || (schema.$ref ? schema.$ref.split("/").pop() : "");
    if (schema.type === "array" && schema.items) t = "array of " + typeOf(schema.items);
    const bounds = [];
    if (schema.minimum !== undefined) bounds.push("≥ " + schema.minimum);
    if (schema.maximum !== undefined) bounds.push("≤ " + schema.maximum);
    if (schema.maxLength !== undefined) bounds.push("长度 ≤ " + schema.maxLength);
    if (schema.default !== undefined) bounds.push("默认 " + schema.default);
    if (schema.nullable) bounds.push("可为 null");
    return bounds.length ? t + "（" + bounds.join("，") + "）" : t;
  }

  function fieldTable(rows) {
    const table = el("table", {}, el("tr", {}, el("th", {}, "名称"), el("th", {}, "位置"),
      el("th", {}, "必填"), el("th", {}, "类型"), el("th", {}, "说明")));
    for (const r of rows) {
      table.append(el("tr", {}, el("td", {}, el("code", {}, r.name)), el("td", {}, r.where),
        el("td", {}, r.required ? "是" : "否"), el("td", {}, typeOf(r.schema)),
        el("td", {}, r.schema.description || r.description || "")));
    }
    return table;
  }

  function responsesTable(spec, responses) {
    const table = el("table", {}, el("tr", {}, el("th", {}, "状态"), el("th", {}, "说明"),
      el("th", {}, "内容")));
    for (const [code, r0] of Object.entries(responses || {})) {
      const r = resolve(spec, r0);
      const content = r.content && r.content["application/json"];
      const ref = content && content.schema && content.schema.$ref;
      table.append(el("tr", {}, el("td", {}, el("code", {}, code)),
        el("td", {}, r.description || ""), el("td", {}, ref ? ref.split("/").pop() : "")));
    }
    return table;
  }

  function example(spec, schema) {
    const s = resolve(spec, schema);
    const out = {};
    for (const [name, prop] of Object.entries(s.properties || {})) {
      if (name === "q") continue; // the same field as "question"
      if (name === "question") out[name] = sample;
      else if (prop.default !== undefined) out[name] = prop.default;
    }
    return JSON.stringify(out, null, 2);
  }

  async function send(method, url, body, out) {
    out.textContent = "发送中……";
    const init = { method: method.toUpperCase(), headers: { Accept: "application/json" } };
    if (body !== null) {
      init.headers["Content-Type"] = "application/json";
      init.body = body;
    }
    try {
      const resp = await fetch(url, init);
      const text = await resp.text();
      let shown = text;
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch (e) {
        // not JSON: show as it came
      }
      out.textContent = method.toUpperCase() + " " + url + "\n" + resp.status + " " +
        resp.statusText + "\n\n" + shown;
    } catch (e) {
      out.textContent = "请求失败：" + e;
    }
  }

  function tryForm(spec, path, method, op) {
    const form = el("form", { class: "try" });
    const inputs = [];
    for (const p0 of op.parameters || []) {
      const p = resolve(spec, p0);
      const input = el("input", { type: "text", name: p.name, autocomplete: "off" });
      if (p.name === "q") input.value = sample;
      inputs.push([p, input]);
      form.append(el("label", { class: "field" }, el("span", {}, p.name), input));
    }
    let body = null;
    if (op.requestBody) {
      const content = op.requestBody.content["application/json"];
      body = el("textarea", { name: "body", spellcheck: "false" });
      body.value = example(spec, content.schema);
      form.append(el("label", { class: "field" }, el("span", {}, "请求体 (JSON)"), body));
    }
    const out = el("pre", { class: "out" }, "（尚未发送）");
    form.append(el("button", { type: "submit" }, "发送"), out);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      let url = path;
      const query = new URLSearchParams();
      for (const [p, input] of inputs) {
        const v = input.value;
        if (p.in === "path") url = url.replace("{" + p.name + "}", encodeURIComponent(v));
        else if (v !== "") query.append(p.name, v);
      }
      const qs = query.toString();
      send(method, qs ? url + "?" + qs : url, body ? body.value : null, out);
    });
    return form;
  }

  function operation(spec, path, method, op) {
    const section = el("section", { class: "op", id: op.operationId || path });
    section.append(el("h2", {}, el("span", { class: "method " + method }, method.toUpperCase()),
      path));
    if (op.summary) section.append(el("p", {}, op.summary));
    if (op.description) section.append(el("p", { class: "note" }, op.description));
    const params = (op.parameters || []).map((p0) => {
      const p = resolve(spec, p0);
      return { name: p.name, where: p.in, required: !!p.required, schema: p.schema || {},
        description: p.description };
    });
    if (op.requestBody) {
      const s = resolve(spec, op.requestBody.content["application/json"].schema);
      const required = new Set(s.required || []);
      for (const [name, prop] of Object.entries(s.properties || {})) {
        params.push({ name, where: "body", required: required.has(name), schema: prop });
      }
      if (s.description) section.append(el("p", { class: "note" }, s.description));
    }
    if (params.length) section.append(el("h3", {}, "参数"), fieldTable(params));
    section.append(el("h3", {}, "响应"), responsesTable(spec, op.responses));
    section.append(el("h3", {}, "试用"), tryForm(spec, path, method, op));
    return section;
  }

  async function main() {
    try {
      const resp = await fetch(root.dataset.spec, { headers: { Accept: "application/json" } });
      if (!resp.ok) throw new Error("HTTP " + resp.status);
      const spec = await resp.json();
      try {
        const archive = await fetch(root.dataset.archive, { headers: { Accept: "application/json" } });
        if (archive.ok) sample = ((await archive.json()).examples || [""])[0] || "";
      } catch (e) {
        // no example: the forms start empty
      }
      status.textContent = spec.info.title + " · 版本 " + spec.info.version;
      if (spec.info.description) root.append(el("p", { class: "note" }, spec.info.description));
      const nav = el("ul", { class: "toc" });
      root.append(nav);
      for (const [path, item] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(item)) {
          if (!["get", "post", "put", "delete", "patch"].includes(method)) continue;
          const section = operation(spec, path, method, op);
          nav.append(el("li", {}, el("a", { href: "#" + section.id },
            method.toUpperCase() + " " + path)));
          root.append(section);
        }
      }
    } catch (e) {
      status.className = "status error";
      status.textContent = "读取接口描述失败：" + e.message;
    }
  }

  main();
})();
