/**
 * The chat widget of the Centraal Informatiepunt Onderwijs-Jeugd: a button that opens a chat panel.
 *
 * Use: <div data-cip-chat data-endpoint="/chat" data-phone="..." data-email="..."
 * data-retention-days="..."></div> and <script type="module" src="/static/chat.js">, with
 * /static/chat.css. One widget per page. The web server fills the data attributes of its demo page
 * from the region file and from CIP_RETENTION_DAYS (the period `cip retention run` deletes after).
 *
 * Our own small module instead of botfront's rasa-webchat (unmaintained since 2021, React 16, no
 * aria-live, 700 kB): see docs/handoff-and-web.md. What it guarantees:
 * - Text from the bot and from the user is inserted as text nodes, never parsed as HTML. Links are
 *   made only from http(s) URLs inside the text, a "[name](url)" link showing its name; button
 *   payloads are sent back as data.
 * - The conversation (a random sender id and the transcript) is kept in sessionStorage: it
 *   survives a reload in the same tab and is gone when the tab is closed.
 * - Keyboard: the opener and every control are buttons; Enter sends, Shift+Enter adds a line,
 *   Escape closes and gives the focus back to the opener. New messages are announced politely.
 */

const STORAGE_KEY = "cip-chat";
const HANDOFF = { title: "Praat met een medewerker", payload: "/request_human" };
// a markdown-style link "[name](url)" (how an answer shows its source: "Meer lezen bij [Halt](https://...)"),
// or a bare URL
const LINK_IN_TEXT = /\[([^\]\n]+)\]\((https?:\/\/[^\s()<>"']+)\)|https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

/** The URL when `candidate` is an http(s) URL, else null (no javascript:, data: or other scheme). */
export function safeUrl(candidate) {
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** `text` as text nodes, with a link for every "[name](url)" (showing the name) and every bare
 * http(s) URL in it. */
export function textWithLinks(text) {
  const fragment = document.createDocumentFragment();
  let done = 0;
  for (const match of text.matchAll(LINK_IN_TEXT)) {
    const [whole, name, target] = match;
    const written = name ? whole : whole.replace(TRAILING_PUNCTUATION, "");
    const url = safeUrl(name ? target : written);
    if (url) {
      fragment.append(text.slice(done, match.index), link(url, name ?? written));
      done = match.index + written.length;
    }
  }
  fragment.append(text.slice(done));
  return fragment;
}

function link(url, written) {
  const anchor = element("a", { href: url.href, target: "_blank", rel: "noopener noreferrer" }, written);
  anchor.append(element("span", { class: "cip-visually-hidden" }, " (opent in een nieuw tabblad)"));
  return anchor;
}

/** A new element; `children` are nodes or strings (strings become text nodes). */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function newSender() {
  // getRandomValues works on every page; crypto.randomUUID only on https and localhost.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function loadState(storage) {
  try {
    const state = JSON.parse(storage.getItem(STORAGE_KEY));
    if (state && typeof state.sender === "string" && Array.isArray(state.messages)) {
      return state;
    }
  } catch {
    // no storage (blocked) or an unreadable one: start a new conversation
  }
  return { sender: newSender(), messages: [], open: false };
}

function saveState(storage, state) {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // storage blocked or full: the conversation goes on, only a reload forgets it
  }
}

/** Rasa's messages as the endpoint returns them, reduced to strings: `[{text, buttons}]`. */
function cleanMessages(messages) {
  return messages.map((message) => ({
    text: typeof message?.text === "string" ? message.text : "",
    buttons: (Array.isArray(message?.buttons) ? message.buttons : [])
      .filter((button) => button && button.title && button.payload)
      .map((button) => ({ title: String(button.title), payload: String(button.payload) })),
  }));
}

/** What the user reads before the first message: that this is a computer program, and what is kept. */
function privacyNotice(phone, email, retentionDays, keepsUnanswered) {
  return element("div", { class: "cip-chat__privacy" },
    // transparency duty of article 50 of the EU AI Act (in force since 2 August 2026)
    element("p", { class: "cip-chat__machine" }, "Je chat met een computerprogramma, niet met een mens. " +
      "Het geeft informatie over school, jeugdhulp, privacy en leerplicht. Wil je een mens spreken? Dat kan altijd."),
    element("h3", {}, "Voordat je begint: over je gegevens"),
    element("ul", {},
      element("li", {}, `Je gesprek wordt ${retentionDays} dagen bewaard in de database van deze assistent. Eerder weg? ` +
        "Typ \"verwijder mijn gesprek\", of bel het centrale nummer ",
      element("span", { class: "cip-chat__nowrap" }, phone), ` of mail naar ${email}.`),
      element("li", {}, "Vraag je om een medewerker? Dan krijgt één contactpersoon van de regio wat je daarvoor " +
        "invult. Een samenvatting van het gesprek gaat alleen mee als je daar toestemming voor geeft."),
      element("li", {}, "Voor de statistiek van de regio tellen we alleen hoe vaak iets gebeurt: per dag, gemeente, " +
        "onderwerp en rol (bijvoorbeeld ouder). Niet wat je schrijft, niet wie je bent."),
      keepsUnanswered ? element("li", {}, "Heeft de assistent geen antwoord op je vraag? Dan bewaren we je vraag " +
        "28 dagen zonder namen, plaatsen en nummers. Zo ziet de regio welke antwoorden nog ontbreken.") : "",
      element("li", {}, "Deze browser onthoudt het gesprek tot je dit tabblad sluit. Namen of medische gegevens " +
        "zijn niet nodig om een vraag te stellen.")));
}

/** Builds the widget inside `root` and connects it to `endpoint` (POST {sender, message}). */
export function mountChat(root, { endpoint = "/chat", phone, email, retentionDays, keepsUnanswered = false, maxChars = 1000,
  storage = window.sessionStorage } = {}) {
  const state = loadState(storage);
  const notSent = `Je bericht is niet aangekomen. Probeer het opnieuw, of bel het informatiepunt op ${phone}.`;
  let busy = false;

  const opener = element("button", { type: "button", class: "cip-chat__opener", "aria-expanded": "false",
    "aria-controls": "cip-chat-panel" }, "Stel je vraag");
  const closer = element("button", { type: "button", class: "cip-chat__close" }, "Sluiten");
  const log = element("ol", { class: "cip-chat__log", role: "log", "aria-live": "polite", "aria-label": "Gesprek" });
  // focusable, so that keyboard users can scroll back through a long conversation
  const scroller = element("div", { class: "cip-chat__body", tabindex: "0", role: "region",
    "aria-label": "Uitleg en gesprek" }, privacyNotice(phone, email, retentionDays, keepsUnanswered), log);
  const status = element("p", { class: "cip-chat__status", role: "status" });
  const handoff = element("button", { type: "button", class: "cip-chat__handoff" }, HANDOFF.title);
  const input = element("textarea", { id: "cip-chat-input", name: "message", rows: "2",
    maxlength: String(maxChars), "aria-describedby": "cip-chat-hint" });
  const form = element("form", { class: "cip-chat__form" },
    element("label", { for: "cip-chat-input", class: "cip-chat__label" }, "Typ je vraag"),
    element("p", { id: "cip-chat-hint", class: "cip-chat__hint" },
      `Enter verstuurt. Shift+Enter geeft een nieuwe regel. Maximaal ${maxChars} tekens.`),
    element("div", { class: "cip-chat__row" }, input,
      element("button", { type: "submit", class: "cip-chat__send" }, "Verstuur")));
  const panel = element("section", { id: "cip-chat-panel", class: "cip-chat__panel", role: "dialog",
    "aria-labelledby": "cip-chat-title" },
  element("header", { class: "cip-chat__header" },
    element("h2", { id: "cip-chat-title" }, "Informatiepunt Onderwijs-Jeugd"), closer),
  scroller, status, handoff, form);
  panel.hidden = true;
  root.replaceChildren(opener, panel);

  function messageItem(message, withButtons) {
    const mine = message.from === "user";
    const words = String(message.text ?? "");
    const item = element("li", { class: `cip-chat__message cip-chat__message--${mine ? "user" : "bot"}` },
      element("span", { class: "cip-visually-hidden" }, mine ? "Jij: " : "Assistent: "));
    if (words) {
      item.append(element("p", { class: "cip-chat__text" }, mine ? words : textWithLinks(words)));
    }
    if (withButtons && message.buttons?.length) {
      item.append(element("div", { class: "cip-chat__choices", role: "group", "aria-label": "Kies een antwoord" },
        ...message.buttons.map(choice)));
    }
    return item;
  }

  function choice(button) {
    const node = element("button", { type: "button", class: "cip-chat__choice" }, button.title);
    node.addEventListener("click", () => ask(button.payload, button.title));
    return node;
  }

  function add(message) {
    if (message.from === "user") {
      // answer buttons belong to the question just asked: older ones would answer out of turn
      log.querySelectorAll(".cip-chat__choices").forEach((group) => group.remove());
    }
    state.messages.push(message);
    saveState(storage, state);
    log.append(messageItem(message, true));
    scroller.scrollTop = scroller.scrollHeight;
  }

  async function post(message) {
    try {
      const response = await fetch(endpoint, { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender: state.sender, message }) });
      const data = await response.json();
      if (Array.isArray(data.messages)) {
        return cleanMessages(data.messages);
      }
      return [{ text: typeof data.error === "string" ? data.error : notSent, buttons: [] }];
    } catch {
      return [{ text: notSent, buttons: [] }];
    }
  }

  async function ask(message, shown = message) {
    if (busy) {
      return;
    }
    busy = true;
    add({ from: "user", text: shown });
    input.focus();
    status.textContent = "De assistent schrijft een antwoord...";
    try {
      for (const reply of await post(message)) {
        add({ from: "bot", ...reply });
      }
    } finally {
      busy = false;
      status.textContent = "";
    }
  }

  function setOpen(open, moveFocus) {
    panel.hidden = !open;
    opener.setAttribute("aria-expanded", String(open));
    state.open = open;
    saveState(storage, state);
    // on a phone the open panel fills the screen: the page behind it should not scroll
    document.documentElement.classList.toggle("cip-chat-open", open);
    if (open && state.messages.length) {
      scroller.scrollTop = scroller.scrollHeight;
    }
    if (moveFocus) {
      (open ? input : opener).focus();
    }
  }

  const lastUser = state.messages.map((message) => message.from).lastIndexOf("user");
  state.messages.forEach((message, index) => log.append(messageItem(message, index > lastUser)));
  setOpen(Boolean(state.open), false);

  opener.addEventListener("click", () => setOpen(panel.hidden, true));
  closer.addEventListener("click", () => setOpen(false, true));
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      setOpen(false, true);
    }
  });
  handoff.addEventListener("click", () => ask(HANDOFF.payload, HANDOFF.title));
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text && !busy) {
      input.value = "";
      ask(text);
    }
  });
}

for (const root of document.querySelectorAll("[data-cip-chat]")) {
  mountChat(root, { endpoint: root.dataset.endpoint, phone: root.dataset.phone, email: root.dataset.email,
    retentionDays: root.dataset.retentionDays, keepsUnanswered: root.dataset.keepsUnanswered === "1", maxChars: Number(root.dataset.maxChars) || 1000 });
}
