"""The good trainee bot: works the call the way the seed material teaches, from the public brief only.

Open (company, own name; inbound: the caller's name; a price range first when the caller asks and the price
depends on the job) -> discovery with SPIN questions until it has heard a problem and why it is urgent (more
questions when the customer gives less away) -> listen back (summary) -> present with FABE, tying the benefit to
the customer's own words -> evidence -> price -> close on a concrete next step -> contact -> goodbye.
Objections are answered whenever they come, by their kind.
"""

from __future__ import annotations

import re

from simulator.bots.brief import Brief
from simulator.bots.ears import Heard, best_match, hear
from simulator.bots.phrases import DEFAULT_STEP, GOOD, STEPS
from simulator.state import Message

MAX_DISCOVERY = {"inbound": 7, "outbound": 9}  # seed 003: at most seven clarifying questions on an inbound call
ECHO_WORDS = {"en": 16, "zh": 18}
NOTE_CHARS = {"en": 25, "zh": 8}
_EN_PERSON = [
    (r"\bi'm\b", "you're"),
    (r"\bi've\b", "you've"),
    (r"\bi'd\b", "you'd"),
    (r"\bi'll\b", "you'll"),
    (r"\bi am\b", "you are"),
    (r"\bwe're\b", "you're"),
    (r"\bwe've\b", "you've"),
    (r"\bi\b", "you"),
    (r"\bwe\b", "you"),
    (r"\bmy\b", "your"),
    (r"\bour\b", "your"),
    (r"\bme\b", "you"),
    (r"\bus\b", "you"),
    (r"\bmine\b", "yours"),
]
_RANGE = {
    "en": re.compile(r"\d[\d,.]*\s*(?:to|-|–)\s*\d|\bfrom\b.*\d|\bbetween\b"),
    "zh": re.compile(r"\d[\d,.]*\s*(?:到|至|-|–|~)\s*\d|起"),
}
_NAME = {
    "en": re.compile(
        r"\b(?:i'm|i am|this is|it's|name is|call me)\s+((?:mr|mrs|ms|miss|dr)\.?\s+[A-Z][a-z]+|[A-Z][a-z]+)"
    ),
    "zh": re.compile(r"我姓(\w)"),
}


_SOFTEN = [(r"\bwhatever\b", "any"), (r"^(?:honestly|well|look|oh),?\s+", "")]


def second_person(clause: str, language: str) -> str:
    """Listen back in the trainee's voice: "my son" becomes "your son" (and a customer's "whatever" is not
    repeated back: from the salesperson it sounds dismissive)."""
    if language == "zh":
        return clause.replace("我们", "你们").replace("我", "您")
    out = clause
    for pattern, repl in _SOFTEN:
        out = re.sub(pattern, repl, out, flags=re.IGNORECASE)
    for pattern, repl in _EN_PERSON:
        out = re.sub(pattern, repl, out, flags=re.IGNORECASE)
    return out


def shorten(clause: str, language: str) -> str:
    clause = re.sub(r"[.!?。!?]+$", "", clause.strip())
    if language == "zh":
        kept = ""
        for part in re.split(r"(?<=[,,;;])", clause):
            if kept and len(kept) + len(part) > ECHO_WORDS["zh"]:
                break
            kept += part
        return re.sub(r"[,,;;]+$", "", kept)
    words = clause.split()
    return " ".join(words[: ECHO_WORDS["en"]])


def short_name(product: str) -> str:
    """How the product is named on the phone: no brackets, no trailing description."""
    name = re.split(r"[,,::]", re.sub(r"\s*[((].*?[))]", "", product))[0]
    # Specs do not belong in a greeting: "HomeFibre 500 family package" is introduced as "HomeFibre family package".
    name = re.sub(r"\d[\d,.]*\s*(?:兆|系列|型|mbps|gb|m\b)?", " ", name, flags=re.IGNORECASE)
    name = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", name)
    return re.sub(r"\s{2,}", " ", name).strip()


def _bare(text: str) -> str:
    """A fact-sheet sentence without its full stop, to be built into a longer sentence."""
    return re.sub(r"[.。]+$", "", text.strip())


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


class GoodBot:
    """Discovery first, then FABE, objection handling and a concrete close. Reads only the brief and replies."""

    kind = "good"

    def __init__(self, brief: Brief, run: int = 0):
        self.b, self.run, self.lang = brief, run, brief.language
        self.p = GOOD[self.lang]
        self.phase = "open"
        self.turns = 0
        self.notes: list[str] = []
        self.name: str | None = brief.customer_name
        self.discovery = 0
        self.asked: dict[str, int] = {}
        self.last_move = ""
        self.heard_problem = self.heard_urgency = self.asked_payoff = False
        self.unprobed = False
        self.handled: dict[str, int] = {}
        self.price_named = self.agreed = self.contact_asked = self.done = False
        self.later = 0
        self.close_asks = 0

    # --- the conversation --------------------------------------------------------------------------------
    def next_line(self, transcript: list[Message]) -> str | None:
        """The bot's next line given the call so far, or None to hang up."""
        if self.done:
            return None
        last = transcript[-1]["text"] if transcript and transcript[-1]["role"] == "customer" else ""
        heard = hear(last, self.lang) if last else Heard(text="")
        self._listen(heard)
        self.turns += 1
        line = self._respond(heard)
        return line

    def _listen(self, h: Heard) -> None:
        if not self.name and (m := _NAME[self.lang].search(h.text)):
            self.name = m.group(1) if self.lang == "en" else None
        if h.informative:
            long_enough = NOTE_CHARS[self.lang]
            self.notes.extend(shorten(c, self.lang) for c in h.clauses if len(c) >= long_enough)
            self.heard_problem = True
            self.heard_urgency = self.heard_urgency or h.urgent

    def _respond(self, h: Heard) -> str:
        if self.phase == "open":
            self.phase = "discover"
            return self._opening(h)
        if (h.agrees or self.agreed) and self.phase in ("close", "closed"):
            # A yes counts once the offer is on the table; before that it only means "go on".
            self.agreed = True
            return self._after_yes(h)
        if h.gave_contact:
            return self._goodbye()
        if h.objection:
            return self._objection(h)
        if h.didnt_answer and self.phase != "discover":
            return self._handle("price", h)  # an objection we did not catch: answer with value and proof
        if h.later and self.phase in ("close", "closed"):
            return self._later()
        if h.asks_price and not self.price_named and self.phase not in ("discover",):
            return self._price()
        return getattr(self, f"_{self.phase}")(h)

    def _opening(self, h: Heard) -> str:
        if self.b.direction == "outbound":
            return self._say("open_outbound", name=self.name or self.p["sir"][0])
        return self._say("open_inbound")

    def _discover(self, h: Heard) -> str:
        if self.discovery == 0 and h.asks_price and _RANGE[self.lang].search(self.b.fact_sheet.price):
            # Seed 003: answer the price with a range, then ask the questions that make it exact.
            self.price_named = True
            question = self._question("situation")
            self.last_move = "price_range"
            return self.p["price_range"][0].format(price=self.b.fact_sheet.price, question=question)
        cap = MAX_DISCOVERY[self.b.direction]
        if self.heard_urgency and self.asked_payoff:
            return self._summarise()
        if self.heard_urgency:
            self.asked_payoff = True
            return self._question("need_payoff")
        fresh = h.informative and self.last_move in ("situation", "problem")
        self.unprobed = self.unprobed or fresh
        if self.discovery >= cap + 2 or (self.discovery >= cap and not fresh):
            return self._summarise()
        if self.heard_problem and self.unprobed:
            # Something new came out: ask what it leads to (past the cap only for this).
            self.unprobed = False
            return self._question("implication")
        # Not yet heard the problem, or the customer had nothing on the consequence yet: explore further.
        kind = "problem" if self.asked.get("situation", 0) > self.asked.get("problem", 0) else "situation"
        return self._question(kind)

    def _question(self, kind: str) -> str:
        self.discovery += 1
        index = self.asked.get(kind, 0)
        self.asked[kind] = index + 1
        self.last_move = kind
        templates = self.p[kind]
        echo = second_person(self.notes[-1], self.lang) if self.notes else ""
        if kind == "implication" and not echo:
            templates = self.p["implication_plain"]  # nothing of theirs to echo yet
        return templates[(index + self.run) % len(templates)].format(echo=echo)

    def _summarise(self) -> str:
        self.phase = "present"
        self.last_move = "summary"
        return self._say("summary")

    def _present(self, h: Heard) -> str:
        self.phase = "evidence"
        self.last_move = "present"
        return self._say("present")

    def _evidence(self, h: Heard) -> str:
        self.phase = "price" if not self.price_named else "close"
        self.last_move = "evidence"
        return self._say("evidence")

    def _price(self, h: Heard | None = None) -> str:
        self.price_named = True
        self.phase = "close"
        self.last_move = "price"
        return self._say("price")

    def _close(self, h: Heard) -> str:
        if not self.price_named:
            return self._price()
        self.close_asks += 1
        if self.close_asks > 3:
            return self._later()
        self.phase = "close"
        self.last_move = "close"
        return self._say("close")

    def _closed(self, h: Heard) -> str:
        return self._goodbye()

    def _later(self) -> str:
        """The customer wants time: once more with the value and a concrete step, then secure the fallback."""
        self.later += 1
        if self.later == 1 and self.price_named:
            return self._handle("defer", Heard(text=""))
        self.phase = "closed"
        self.contact_asked = True
        return self._say("secure_later", when=self._pick("callback"))

    def _after_yes(self, h: Heard) -> str:
        if h.gave_contact or self.contact_asked:
            return self._goodbye()
        self.contact_asked = True
        self.phase = "closed"
        # A yes is only an order once the next step is fixed: confirm it in so many words.
        return self._say("contact" if self.last_move == "close" else "confirm_yes")

    def _goodbye(self) -> str:
        self.done = True
        return self._say("goodbye")

    # --- objections ----------------------------------------------------------------------------------------
    def _objection(self, h: Heard) -> str:
        kind = h.objection or "price"
        if self.phase == "discover" and kind in ("defer", "authority"):
            kind = "time"  # "just send a brochure": show the questions are worth the customer's time
        if kind == "time" and self.phase != "discover":
            return getattr(self, f"_{self.phase}")(h)  # already getting to the point
        if kind == "time" and self.handled.get("time", 0) >= 2:
            return self._summarise()  # out of patience: stop asking
        return self._handle(kind, h)

    def _handle(self, kind: str, h: Heard) -> str:
        count = self.handled.get(kind, 0)
        self.handled[kind] = count + 1
        self.last_move = f"objection_{kind}"
        if h.didnt_answer and count >= 3:
            # Three answers have not landed: stop arguing and secure the fallback.
            return self._later()
        again = h.didnt_answer and count and kind in ("price", "discount")
        key = "objection_again" if again else f"objection_{kind}"
        if key == "objection_time" and not self.notes:
            key = "objection_time_early"
        if key.startswith("objection_time"):
            self.asked_payoff = True
            self.discovery += 1
        return self._say(key, against=h.text, variant=count - 1 if key == "objection_again" else count)

    # --- filling templates ---------------------------------------------------------------------------------
    def _pick(self, key: str, variant: int = 0) -> str:
        options = self.p[key]
        return options[(self.run + variant) % len(options)]

    def _say(self, key: str, against: str = "", variant: int = 0, **extra: str) -> str:
        fs = self.b.fact_sheet
        heard = " ".join(self.notes)
        topic = f"{against} {heard}"
        evidence = best_match(fs.evidence, against or heard, self.lang)
        evidence2 = next((e for e in fs.evidence if e != evidence), evidence)
        feature = best_match(fs.features, topic, self.lang)
        benefit = best_match(fs.benefits, heard or topic, self.lang)
        plain = [b for b in fs.benefits if not re.search(r"\d", b)] or fs.benefits
        term = best_match(fs.terms or [fs.price], against or heard, self.lang)
        end = "" if self.lang == "zh" else "."
        values = {
            "product": short_name(fs.product),
            "price": fs.price,
            "price_sentence": fs.price
            if re.match(r"(?:the|our|it|from)\b", fs.price, re.I)
            else f"The price is {fs.price}",
            "name": self.name or self.p["sir"][0],
            "comma_name": f", {self.name}" if self.name and self.lang == "en" else (self.name or ""),
            "echo": self._echo(),
            "feature": _bare(feature),
            "feature_lc": _bare(lower_first(feature)),
            "advantage": _bare(best_match(fs.advantages, topic, self.lang)),
            "benefit": _bare(benefit) + (end or "。"),
            "benefit_lc": _bare(lower_first(benefit)) + (end or "。"),
            "plain_benefit_lc": _bare(lower_first(best_match(plain, topic, self.lang))),
            "evidence": _bare(evidence),
            "evidence_lc": _bare(lower_first(evidence)),
            "evidence2": _bare(evidence2),
            "evidence2_lc": _bare(lower_first(evidence2)),
            "term": _bare(term) + (end or "。"),
            "summary": self._summary(),
            "step": self._step(),
            "when": self._pick("daytime"),
            **extra,
        }
        return self._pick(key, variant).format(**values).replace("..", ".").replace("。。", "。")

    def _echo(self) -> str:
        """The thing the customer said that our product speaks to most."""
        if not self.notes:
            return _bare(self.b.fact_sheet.summary) if self.lang == "en" else "的情况"
        fs = self.b.fact_sheet
        product = " ".join([fs.summary, *fs.benefits, *fs.features])
        return second_person(best_match(list(reversed(self.notes)), product, self.lang), self.lang)

    def _summary(self) -> str:
        picked = list(dict.fromkeys(self.notes))[:1] + list(dict.fromkeys(self.notes))[-2:]
        picked = list(dict.fromkeys(picked)) or [self.b.fact_sheet.summary]
        joiner = ";" if self.lang == "zh" else "; "
        return joiner.join(second_person(c, self.lang) for c in picked)

    def _step(self) -> str:
        goal = self.b.call_goal.primary.lower()
        for words, step in STEPS[self.lang]:
            if any(w in goal for w in words):
                return step
        return DEFAULT_STEP[self.lang]
