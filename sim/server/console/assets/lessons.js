// The Lessons page: the course's text beside the console, and each exercise's goals checked
// against the learner's own account while they work (the /_ec2sim/lessons routes).
"use strict";
(() => {
const C = window.EC2SIM;
const el = C.el, t = C.t;

// Markdown to DOM, for the course's own texts: headings, paragraphs, lists, fenced code and
// inline code. Everything becomes text nodes: nothing is ever parsed as HTML.
function inline(text) {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/).map((part) => {
    if (part.length > 1 && part.startsWith("`") && part.endsWith("`")) return el("code", { text: part.slice(1, -1) });
    if (part.length > 4 && part.startsWith("**") && part.endsWith("**")) return el("strong", { text: part.slice(2, -2) });
    if (part.length > 2 && part.startsWith("*") && part.endsWith("*")) return el("em", { text: part.slice(1, -1) });
    return part;
  });
}
function markdown(text) {
  const out = [];
  let para = [], list = null, code = null;
  const flush = () => {
    if (para.length) out.push(el("p", {}, inline(para.join(" "))));
    para = [];
  };
  for (const line of text.split("\n")) {
    if (code !== null) {
      if (line.startsWith("```")) { out.push(el("pre", { tabindex: "0", text: code.join("\n") })); code = null; } else code.push(line);
      continue;
    }
    if (line.startsWith("```")) { flush(); list = null; code = []; continue; }
    const h = line.match(/^(#{1,4})\s+(.*)$/);
    if (h) { flush(); list = null; out.push(el("h" + Math.min(h[1].length + 1, 5), {}, inline(h[2]))); continue; }
    const li = line.match(/^\s*(?:[-*]|\d+\.)\s+(.*)$/);
    if (li) {
      flush();
      if (!list) { list = el("ul", {}); out.push(list); }
      list.append(el("li", {}, inline(li[1])));
      continue;
    }
    if (!line.trim()) { flush(); list = null; continue; }
    if (list && /^\s+/.test(line)) { list.lastChild.append(" ", ...inline(line.trim())); continue; }
    list = null;
    para.push(line.trim());
  }
  if (code !== null) out.push(el("pre", { tabindex: "0", text: code.join("\n") }));
  flush();
  return out;
}
C.markdown = markdown;

C.pages.lessons = async (main, arg) => {
  if (arg) return lesson(main, Number(arg));
  const list = await C.admin("lessons?lang=" + C.lang);
  const lessons = Array.isArray(list) ? list : list.lessons || [];
  main.replaceChildren(el("h1", { text: t("lesson.title") }),
    el("ol", { id: "lesson-list" }, lessons.map((l) => el("li", {},
      el("a", { href: "#/lessons/" + (l.lesson ?? l.number), text: (l.lesson ?? l.number) + ". " + l.title }), el("p", { class: "muted", text: l.summary || "" })))));
};

async function lesson(main, number) {
  const l = await C.admin("lessons/" + number + "?lang=" + C.lang);
  const exercises = l.exercises.map((e) => {
    const goals = el("ul", { class: "goals", id: "goals-" + e.id, "aria-live": "polite" },
      e.goals.map((g) => el("li", { "data-goal": g.id, text: g.title })));
    const summary = el("p", { id: "goal-summary-" + e.id, class: "muted" });
    const check = async () => {
      const r = await C.admin("lessons/" + number + "/check?exercise=" + encodeURIComponent(e.id) + "&lang=" + C.lang, "POST");
      goals.replaceChildren(...r.goals.map((g) => el("li", { "data-goal": g.id, class: "goal goal-" + g.status },
        el("span", { class: "goal-status", text: t("lesson.status." + g.status) + " " }), g.title,
        g.status === "missed" && g.hint ? el("p", { class: "hint", text: t("lesson.hint") + ": " + g.hint }) : null)));
      summary.textContent = t("lesson.met", { met: r.met, total: r.total }) +
        (r.unsettled?.length ? " " + t("lesson.unsettled", { list: r.unsettled.join(", ") }) : "");
      return r;
    };
    return { e, check, node: el("section", { class: "card exercise", "aria-labelledby": "ex-" + e.id },
      el("h2", { id: "ex-" + e.id, text: t("lesson.exercise") + ": " + e.title }),
      el("p", {}, ...markdown(e.task)), el("p", { class: "muted", text: t("top.region") + ": " + e.region }),
      el("button", { type: "button", id: "check-" + e.id, text: t("lesson.check"),
        onclick: () => check().catch((err) => { const b = C.errorBox(); C.showError(b, err); summary.replaceChildren(b); }) }),
      summary, goals) };
  });
  main.replaceChildren(el("p", {}, el("a", { href: "#/lessons", text: t("lesson.back") })),
    el("div", { class: "lesson-layout" },
      el("article", { class: "card lesson-text", "aria-labelledby": "lesson-h" },
        el("h1", { id: "lesson-h", text: l.number + ". " + l.title }), ...markdown(l.text)),
      el("aside", { class: "lesson-side", "aria-label": t("lesson.exercises") }, exercises.map((x) => x.node))));
  await Promise.all(exercises.map((x) => x.check().catch(() => {})));
  // Live: the goals follow the account as the learner works in the other tab or the CLI.
  C.timer = setInterval(() => exercises.forEach((x) => x.check().catch(() => {})), 3000);
}
})();
