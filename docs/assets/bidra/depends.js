// Fields that follow another: a field required by one of the schema's if/then rules gets its * while the rule holds, and the review date shows only for a case the lärosäte sent in.
import { scopeOf } from "./dom.js";
import { utcToday } from "./util.js";
import { matches } from "./validate.js";
import { collect } from "./values.js";
import { ONLY_WHEN } from "./words.js";

export function follow(ctx) {
  const { root, schema } = ctx;
  for (const [name, [other, value]] of Object.entries(ONLY_WHEN)) {
    const scope = scopeOf(root, name);
    const checked = root.querySelector('input[name="' + other + '"]:checked');
    const show = Boolean(checked && checked.value === value);
    if (!scope || scope.hidden === !show) continue;
    scope.hidden = !show;
    const input = scope.querySelector("input");
    // Hidden: empty, so nothing of it reaches the file; shown again: today's date to start from.
    input.value = show ? input.value || utcToday() : "";
  }
  const data = collect(ctx);
  const required = schema.required || [];
  for (const name of Object.keys(schema.properties)) {
    const mark = root.querySelector('[data-path="' + name + '"] .bidra-mark');
    const needed = required.indexOf(name) >= 0 || (schema.allOf || []).some((rule) =>
      rule.if && rule.then && (rule.then.required || []).indexOf(name) >= 0 && matches(rule.if, data));
    if (mark) mark.textContent = needed ? " *" : " (valfritt)";
  }
}
