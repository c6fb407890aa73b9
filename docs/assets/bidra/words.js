// The form's own Swedish words and layout: its sections, plainer help texts and labels than the schema's, which fields get a preview or show only at times.

// Properties of the schema the form leaves out (form.js): the English texts.
export const LEFT_OUT = ["en"];

// Sections of the form, with the properties in each; the rest go under "Övrigt".
export const SECTIONS = [
  ["Om fallet", ["title", "summary", "id", "institutions", "partners", "started", "ended", "status", "status_checked"]],
  ["Berättelsen", ["background", "activities", "results", "lessons", "challenges"]],
  ["Koppla till kunskapsbanken", ["phases", "topics", "methods", "tools", "roles", "success_factors"]],
  ["Källor", ["sources"]],
  ["Om texten", ["provenance", "last_reviewed", "published"]],
];

// Help under a field's label, by path without row numbers; "" for none, the
// schema's description where a field is missing here.
export const HELP = {
  id: "Blir filens namn. Fylls i automatiskt från titeln; ändra vid behov. Små bokstäver a–z, siffror och bindestreck.",
  title: "Kort och beskrivande, t.ex. ”Linnéuniversitetet och IKEA – The Bridge”.",
  summary: "En eller två meningar som visas i listor och sökresultat.",
  institutions: "Välj lärosätet eller lärosätena som deltar i partnerskapet.",
  partners: "Organisationerna utanför akademin, med sektor.",
  started: "Året då partnerskapet började, t.ex. 2013.",
  ended: "Året då partnerskapet avslutades. Pågår det, lämna tomt eller skriv året då avtalet löper ut.",
  background: "Hur och varför partnerskapet kom till. Du kan använda Markdown: **fet**, listor med - och tomma rader mellan stycken.",
  activities: "Hur partnerskapet är organiserat och vad parterna gör tillsammans.",
  phases: "I vilka faser av partnerskapets livscykel fallet hör hemma.",
  topics: "Vad fallet handlar om.",
  methods: "Metoder i kunskapsbanken som fallet använde.",
  tools: "Verktyg i kunskapsbanken som fallet använde.",
  roles: "Roller som var inblandade.",
  success_factors: "Framgångsfaktorer som fallet belyser.",
  sources: "Minst en källa som fakta kommer ifrån, med fullständig webbadress (https://…).",
  provenance: "Välj ”Inskickad av lärosätet” om du skriver för ditt lärosäte.",
  last_reviewed: "Datum då lärosätet granskade texten. Dagens datum är ifyllt; ändra det om granskningen gjordes en annan dag.",
  published: "Dagens datum, ifyllt automatiskt.",
  status: "",
  status_checked: "Datum då det senast bekräftades, i en källa eller av lärosätet, att partnerskapet pågår. Dagens datum är ifyllt.",
  "partners.name": "Organisationens namn, t.ex. ”Region Kronoberg”.",
  "partners.sector": "",
  "sources.title": "Källans titel, t.ex. ”Linnéuniversitetet: Strategiska partnerskap”.",
  "sources.url": "Hela adressen, som börjar med https://.",
};

// Markdown fields: under each, how the text will look on the page.
export const MARKDOWN = ["background", "activities", "results", "lessons", "challenges"];

// Fields shown only while another field has a value (and else left out of
// the file): the review date only for a case the lärosäte has sent in.
export const ONLY_WHEN = { last_reviewed: ["provenance", "submitted"], status_checked: ["status", "ongoing"] };

export const ADD_LABEL = { partners: "Lägg till en partner", sources: "Lägg till en källa" };
export const ROW_LABEL = { partners: "Partner", sources: "Källa" };
