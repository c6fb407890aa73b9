// Where the finished file goes on GitHub: a "new file" link that carries it, or the upload page. No DOM.
//
// settings: { repo: "https://github.com/owner/name", branch: "main", folder: "case_studies" },
// from the form element's data- attributes.

export const MAX_URL = 16000; // longer "new file" links are refused by some servers

function place({ repo, branch, folder }, action) {
  return repo.replace(/\/+$/, "") + "/" + action + "/" + encodeURI(branch) + "/" + encodeURI(folder);
}

// GitHub's "new file" page with the name and text filled in; null when too long for a link.
export function newFileUrl(settings, file, text) {
  const url = place(settings, "new") + "?filename=" + encodeURIComponent(file) +
    "&value=" + encodeURIComponent(text);
  return url.length > MAX_URL ? null : url;
}

// GitHub's page for uploading files into the folder.
export function uploadUrl(settings) {
  return place(settings, "upload");
}
