// The console's key pairs page: create (RSA or ED25519, .pem or .ppk, downloaded once), import
// a public key, delete. As elsewhere, every answer comes from the EC2 Query API.
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;
const { field, tableOf, b64 } = C;


function createForm(error, draw) {
  const name = el("input", { id: "key-create-name", type: "text", autocomplete: "off" });
  const type = el("select", { id: "key-create-type" },
    ["rsa", "ed25519"].map((v) => el("option", { value: v, text: v.toUpperCase() })));
  const format = el("select", { id: "key-create-format" },
    [["pem", t("key.formatPem")], ["ppk", t("key.formatPpk")]].map(([v, text]) => el("option", { value: v, text })));
  const note = el("p", { id: "key-create-note", class: "warnbox", role: "status", hidden: true });
  const create = el("button", { type: "button", class: "primary", id: "key-create", text: t("key.create"),
    onclick: async () => {
      error.textContent = "";
      note.hidden = true;
      try {
        const k = await C.ec2("CreateKeyPair", { KeyName: name.value.trim(), KeyType: type.value, KeyFormat: format.value });
        C.download(k.keyName + "." + format.value, k.keyMaterial);
        note.textContent = t("launch.keyDownloaded", { name: k.keyName });
        note.hidden = false;
        name.value = "";
        await draw();
      } catch (e) { C.showError(error, e); }
    } });
  return el("section", { class: "card", "aria-labelledby": "key-create-title" },
    el("h2", { id: "key-create-title", text: t("key.createTitle") }),
    field("key-create-name", t("key.name"), name), field("key-create-type", t("key.type"), type),
    field("key-create-format", t("key.format"), format), create, note);
}

function importForm(error, draw) {
  const name = el("input", { id: "key-import-name", type: "text", autocomplete: "off" });
  const material = el("textarea", { id: "key-import-material", rows: "4", cols: "60", spellcheck: "false",
    placeholder: "ssh-ed25519 AAAA… user@host" });
  const done = el("p", { id: "key-import-note", role: "status" });
  const importKey = el("button", { type: "button", id: "key-import", text: t("key.import"),
    onclick: async () => {
      error.textContent = "";
      done.textContent = "";
      try {
        const k = await C.ec2("ImportKeyPair", { KeyName: name.value.trim(),
          // The Query API carries the key as base64, as the CLI's fileb:// sends it.
          PublicKeyMaterial: b64(material.value.trim()) });
        done.textContent = t("key.imported", { name: k.keyName, fingerprint: k.keyFingerprint });
        name.value = "";
        material.value = "";
        await draw();
      } catch (e) { C.showError(error, e); }
    } });
  return el("section", { class: "card", "aria-labelledby": "key-import-title" },
    el("h2", { id: "key-import-title", text: t("key.importTitle") }),
    el("p", { class: "muted", text: t("key.importHint") }),
    field("key-import-name", t("key.name"), name), field("key-import-material", t("key.publicKey"), material),
    importKey, done);
}

C.pages.keys = async (main) => {
  const error = C.errorBox("key-page-error");
  const body = el("div", { id: "key-table" });
  async function draw() {
    const r = await C.ec2("DescribeKeyPairs");
    const rows = (r.keySet || []).map((k) => el("tr", { "data-key": k.keyName },
      el("td", { text: k.keyName }), el("td", { text: k.keyType }), el("td", { text: k.keyPairId }),
      el("td", { text: k.keyFingerprint }), el("td", { text: k.createTime || "" }),
      el("td", {}, el("button", { type: "button", text: t("key.delete"), "aria-label": t("key.delete") + " " + k.keyName,
        onclick: async () => {
          error.textContent = "";
          try {
            if (await C.confirm(t("key.deleteTitle"), t("key.deleteText", { name: k.keyName }))) {
              await C.ec2("DeleteKeyPair", { KeyName: k.keyName });
              await draw();
            }
          } catch (e) { C.showError(error, e); }
        } }))));
    body.replaceChildren(rows.length
      ? tableOf([t("key.name"), t("key.type"), t("key.id"), t("key.fingerprint"), t("key.created"), ""], rows)
      : el("p", { text: t("key.none") }));
  }
  main.replaceChildren(el("h1", { text: t("key.title") + " (" + C.region + ")" }), error, body,
    createForm(error, draw), importForm(error, draw));
  await draw();
};

})();
