// What `spets check` says of a case study beyond its JSON Schema (check.py's _cross_field and dates), in its words; and an id already taken. No DOM.

// Where a case study's page is (model.CASE_STUDY.url), for the message about a taken id.
const PAGES = "fallstudier";

// Adds to errors what `spets check` would also say; a field that already has a
// problem is left alone, as check.py leaves a value that failed its own check.
// today: "ÅÅÅÅ-MM-DD"; taken: the ids of the case studies that exist.
export function extraChecks(data, errors, today, taken) {
  const ok = (name) => !errors.some((e) => e.path === name);
  const year = Number(today.slice(0, 4));
  const add = (path, text) => errors.push({ path, text });
  const started = Number.isInteger(data.started) && ok("started") ? data.started : null;
  const ended = Number.isInteger(data.ended) && ok("ended") ? data.ended : null;
  const status = ok("status") ? data.status : null;
  if (started !== null && started > year) add("started", "startåret " + started + " ligger i framtiden");
  const checked = typeof data.status_checked === "string" && ok("status_checked") ? data.status_checked : null;
  // Compared with a start year that is not itself wrong (in the future).
  if (checked !== null && started !== null && started <= year && Number(checked.slice(0, 4)) < started) {
    add("status_checked", "datumet " + checked + " ligger före startåret " + started +
      ": ange när det senast bekräftades att partnerskapet pågår");
  }
  if (ended !== null) {
    if (started !== null && ended < started) {
      add("ended", "slutåret " + ended + " ligger före startåret " + started);
    } else if (status === "concluded" && ended > year) {
      add("ended", "slutåret " + ended + " ligger i framtiden, men status är concluded (avslutat): " +
        "rätta året eller ändra status till ongoing");
    } else if (status === "ongoing" && ended < year) {
      add("ended", "slutåret " + ended + " har redan passerat, men status är ongoing (pågående): " +
        "ändra status till concluded eller ta bort slutåret");
    }
  }
  for (const name of ["published", "last_reviewed", "status_checked"]) {
    if (typeof data[name] === "string" && ok(name) && data[name] > today) {
      add(name, "datumet " + data[name] + " ligger i framtiden");
    }
  }
  if (typeof data.id === "string" && ok("id") && (taken || []).indexOf(data.id) >= 0) {
    add("id", "id:t '" + data.id + "' finns redan: välj ett annat id (se " + PAGES + "/" + data.id + "/)");
  }
}
