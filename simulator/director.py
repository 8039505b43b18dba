"""The director: decides how the customer reacts to a trainee turn. Deterministic; no model involved.

It reads the turn through the shared labeler (what kind of question or statement, on which topic),
updates trust, patience, revealed needs, objections and milestones, and picks the beats of the
customer's next move. A voice then only renders those beats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graders.labeler import label_turn
from graders.labels import SPIN_KINDS, TurnLabels
from graders.text import mentions_any, normalise
from personas.schema import Objection, Persona
from simulator.state import Beat, CustomerState

# How much each thing the trainee does moves the customer. Tuned so that a skilled call of 10-14 turns
# ends well with room to spare, and a pitch-first or rude call runs out of patience within a few turns.
TIME_COST = 2
REVEAL_TRUST, REVEAL_PATIENCE = 6, 4
EARLY_PITCH_TRUST, EARLY_PITCH_PATIENCE = 8, 10
FEATURE_DUMP_EXTRA = 5
EARLY_PRICE_TRUST, EARLY_PRICE_PATIENCE = 10, 10
BENEFIT_TRUST = 8
EVIDENCE_TRUST = 4
RESOLVE_TRUST = 8
IGNORED_OBJECTION_TRUST, IGNORED_OBJECTION_PATIENCE = 3, 8
RUDE_TRUST, RUDE_PATIENCE = 25, 30
POINTLESS_PATIENCE = 8
VAGUE_PATIENCE = 3
EARLY_CLOSE_TRUST, EARLY_CLOSE_PATIENCE = 5, 8
DEAL_TRUST = 50
CONTACT_TRUST = 40
IMPATIENT_BELOW = 20
DISCOVERY_OBJECTION_AFTER = 3
REPEAT_OBJECTION = 1  # times an unanswered objection is said again in full
DUMP_LENGTH = 220
# Objections that react to what the trainee just said, so the same turn can answer them in advance. Hesitation
# at being asked many questions or asked to decide is the customer's own and always comes up.
PREEMPTIBLE_TRIGGERS = frozenset({"pitch", "price"})


@dataclass(frozen=True)
class Decision:
    """The director's verdict on one trainee turn."""

    customer: CustomerState
    beats: list[Beat]
    labels: TurnLabels


def opening(persona: Persona) -> tuple[CustomerState, list[Beat]]:
    """The customer's state before the first trainee turn, and the opening move (inbound calls only)."""
    state = CustomerState(trust=persona.trust, patience=persona.patience)
    return state, [Beat(kind="opening")] if persona.direction == "inbound" else []


def decide(persona: Persona, state: CustomerState, text: str, previous: Sequence[str] | None = None) -> Decision:
    """Update the customer from one trainee turn and choose the beats of the reply.

    `previous` is the trainee's earlier turns in the call: the labeler reads the turn with them, exactly as the
    grader will (leave it out only for a turn read on its own)."""
    labels = label_turn(text, previous)
    # Every field is a scalar or a list of strings, so copying the lists is a full copy (deepcopy costs more
    # than all the rules together, and the grader replays the director for every turn).
    fresh = state.model_copy(update={k: list(v) for k, v in state.__dict__.items() if isinstance(v, list)})
    turn = _Turn(persona, fresh, labels, normalise(text), len(text))
    turn.run()
    return Decision(turn.s, turn.beats, labels)


class _Turn:
    """One application of the rules; kept as a class so each rule reads as a short method."""

    def __init__(self, persona: Persona, s: CustomerState, labels: TurnLabels, norm: str, length: int):
        self.p, self.s, self.l, self.norm, self.length = persona, s, labels, norm, length
        self.beats: list[Beat] = []

    def run(self) -> None:
        s, lab = self.s, self.l
        s.turns += 1
        self._adjust(patience=-TIME_COST)
        if lab.rude:
            self._adjust(trust=-RUDE_TRUST, patience=-RUDE_PATIENCE)
            self.say("annoyed")
        self._answer_open_objection()
        self._discovery()
        self._presentation()
        self._price()
        self._milestones()
        self._close()
        self._contact()
        if not self.beats:
            self._nothing_else()
        if lab.goodbye and not lab.questions and not (lab.close - {"next_step"}):
            s.ended_by = "trainee_ended"
            return
        self._end_or_warn()

    # --- rules --------------------------------------------------------------------------------------------
    def _answer_open_objection(self) -> None:
        objection = self._objection(self.s.open_objection)
        if objection is None:
            return
        if self._answers(objection, self.l.spin | self.l.fabe | self.l.close):
            self.s.resolved_objections.append(objection.id)
            self.s.objection_pressed = 0
            self._adjust(trust=RESOLVE_TRUST)
            self.say("objection_resolved", objection.id)
            self._voice_next_objection()
        elif not self.l.rude:
            self._adjust(trust=-IGNORED_OBJECTION_TRUST, patience=-IGNORED_OBJECTION_PATIENCE)
            self.say("objection_ignored")
            # A customer repeats a concern the trainee talked past, but not word for word on every turn, and not
            # to someone who is saying goodbye: after that "you didn't answer me" is enough.
            if self.s.objection_pressed < REPEAT_OBJECTION and not self.l.goodbye:
                self.say("raise_objection", objection.id)
            self.s.objection_pressed += 1

    def _discovery(self) -> None:
        s, lab = self.s, self.l
        if not lab.questions:
            return
        if "summarize" in lab.close:
            # A read-back asks for confirmation first, even when it also reads as a question about their situation
            # ("So his English is the weak subject and the exam is next June, right?").
            self.say("confirm")
            if not lab.spin:
                return
        if lab.spin:
            s.discovery_questions += 1
        revealed = False
        volunteers = self.p.volunteers
        for need in self.p.needs:
            # A forthcoming customer (volunteers: much) answers any discovery question on the need's topics.
            kinds = set(SPIN_KINDS) if volunteers == "much" else set(need.drawn_by)
            if need.id in s.revealed_needs or not (lab.spin & kinds):
                continue
            if mentions_any(self.norm, need.topics):
                s.revealed_needs.append(need.id)
                self._adjust(trust=REVEAL_TRUST, patience=REVEAL_PATIENCE)
                self.say("reveal_need", need.id)
                revealed = True
        motive = self.p.urgent_motive
        # A reticent customer (little) tells why it is urgent only once the whole need is on the table;
        # a forthcoming one (much) says it in the same breath as the first need.
        needs_first = self.p.milestones.needs_required if volunteers == "little" else 1
        asked = bool(lab.spin & set(motive.drawn_by)) and mentions_any(self.norm, motive.topics)
        if (
            not s.motive_revealed
            and len(s.revealed_needs) >= needs_first
            and (asked or (volunteers == "much" and revealed))
        ):
            s.motive_revealed = True
            self._adjust(trust=REVEAL_TRUST, patience=REVEAL_PATIENCE)
            self.say("reveal_motive")
            revealed = True
        told = False
        if not revealed:
            for index, fact in enumerate(self.p.facts):
                if index not in s.facts_told and mentions_any(self.norm, fact.topics):
                    s.facts_told.append(index)
                    self.say("fact", str(index))
                    told = True
                    break
        if lab.spin and not (revealed or told):
            if "need_payoff" in lab.spin and s.motive_revealed:
                # What solving it is worth, asked once the customer has said why it is urgent: the customer says
                # it, which is the point of the question (no "I wouldn't know", no lost patience).
                self.say("value_agreed")
            elif "summarize" not in lab.close:  # a read-back was answered by the confirmation
                self._adjust(patience=-VAGUE_PATIENCE)
                self.say("answer_vague")
        if lab.spin and s.discovery_questions >= DISCOVERY_OBJECTION_AFTER:
            self._trigger("discovery")

    def _presentation(self) -> None:
        s, lab = self.s, self.l
        if not lab.fabe:
            return
        before = len(self.beats)
        first_pitch = not s.pitched
        s.pitched = True
        if not s.revealed_needs:
            dump = len(lab.fabe) >= 2 or self.length > DUMP_LENGTH
            extra = FEATURE_DUMP_EXTRA if dump else 0
            self._adjust(trust=-EARLY_PITCH_TRUST - extra, patience=-EARLY_PITCH_PATIENCE - extra)
            self.say("pitch_too_early")
            return
        if "benefit" in lab.fabe:
            hit = [n.id for n in self.p.needs if n.id in s.revealed_needs and mentions_any(self.norm, n.topics)]
            if s.motive_revealed and mentions_any(self.norm, self.p.urgent_motive.topics) and s.revealed_needs:
                hit = hit or [s.revealed_needs[0]]
            new = [h for h in hit if h not in s.benefits_hit]
            if new:
                s.benefits_hit.extend(new)
                self._adjust(trust=BENEFIT_TRUST)
                self.say("interested")
        if "evidence" in lab.fabe and not s.evidence_given:
            s.evidence_given = True
            self._adjust(trust=EVIDENCE_TRUST)
        if first_pitch:
            self._trigger("pitch")
        if len(self.beats) == before:
            self.say("listening")  # a fair point that changes nothing: the customer keeps listening

    def _price(self) -> None:
        s, lab = self.s, self.l
        if not (lab.mentions_price and lab.fabe) or s.price_named:
            return
        s.price_named = True
        if not s.revealed_needs and not lab.spin:
            self._adjust(trust=-EARLY_PRICE_TRUST, patience=-EARLY_PRICE_PATIENCE)
            self.say("price_too_early")
        self._trigger("price")

    def _milestones(self) -> None:
        s = self.s
        reached = set(s.milestones)
        if (
            "need_with_motive" not in reached
            and s.motive_revealed
            and len(s.revealed_needs) >= self.p.milestones.needs_required
        ):
            s.milestones.append("need_with_motive")
        if (
            "need_with_motive" in s.milestones
            and "product_accepted" not in reached
            and s.benefits_hit
            and (s.evidence_given or self._resolved_all("pitch"))
            and not self._open("pitch")
        ):
            s.milestones.append("product_accepted")
            self.say("accept_product")

    def _price_time_accepted(self) -> bool:
        s = self.s
        return (
            "product_accepted" in s.milestones
            and s.price_named
            and self._resolved_all("price")
            and s.open_objection is None
        )

    def _close(self) -> None:
        s, lab = self.s, self.l
        asks = lab.close & {"ask_commitment", "next_step"}
        if not asks:
            return
        s.commitment_asked += 1
        if s.commitment_asked == 1 and self._trigger("commitment"):
            return
        if s.open_objection is not None:
            return
        if self._price_time_accepted() and "price_time_accepted" not in s.milestones:
            s.milestones.append("price_time_accepted")
        if "price_time_accepted" in s.milestones and s.trust >= DEAL_TRUST:
            if not s.agreed:
                s.agreed = True
                self.say("agree")
            elif "next_step" in lab.close:
                self.say("confirm_next_step")
            s.next_step_agreed = s.next_step_agreed or "next_step" in lab.close
            return
        if "product_accepted" in s.milestones:
            s.offered = "intention"
            self.say("ask_price" if not s.price_named else "intention")
        elif s.milestones:
            s.offered = "follow_up"
            self.say("follow_up")
        else:
            self._adjust(trust=-EARLY_CLOSE_TRUST, patience=-EARLY_CLOSE_PATIENCE)
            self.say("not_interested")
            return
        if "next_step" in lab.close:
            s.next_step_agreed = True

    def _contact(self) -> None:
        s = self.s
        if "contact" not in self.l.close:
            return
        if s.trust >= CONTACT_TRUST or s.agreed:
            if not s.contact_given:
                s.contact_given = True
                self.say("give_contact")
        else:
            self.say("withhold_contact")

    def _nothing_else(self) -> None:
        lab = self.l
        if lab.goodbye:
            self.say("goodbye")
        elif lab.greeting or lab.introduces_self:
            self.say("greeting")
        elif lab.questions:
            self.say("answer_vague")
        elif "summarize" in lab.close:
            self.say("confirm_next_step" if self.s.agreed else "confirm")
        else:
            self._adjust(patience=-POINTLESS_PATIENCE)
            self.say("clarify")

    def _end_or_warn(self) -> None:
        s = self.s
        if s.patience <= 0 or s.trust <= 0:
            s.ended_by = "customer_hung_up"
            self.beats = [Beat(kind="hang_up")]
        elif s.patience < IMPATIENT_BELOW and not s.agreed:
            self.say("impatient")

    # --- helpers ------------------------------------------------------------------------------------------
    def say(self, kind: str, ref: str | None = None) -> None:
        beat = Beat(kind=kind, ref=ref)
        if beat not in self.beats:
            self.beats.append(beat)

    def _adjust(self, trust: int = 0, patience: int = 0) -> None:
        self.s.trust = max(0, min(100, self.s.trust + trust))
        self.s.patience = max(0, min(100, self.s.patience + patience))

    def _objection(self, objection_id: str | None) -> Objection | None:
        return next((o for o in self.p.objections if o.id == objection_id), None)

    def _trigger(self, trigger: str) -> bool:
        """Queue every not-yet-raised objection with this trigger; voice the first if none is open.

        A concern about what the trainee just said (the pitch, the price) is never raised when the same turn
        already answered it: the customer does not ask "how do I know it works?" right after hearing the proof.
        """
        waiting = self.s.open_objection
        new = [o for o in self.p.objections if o.trigger == trigger and o.id not in self.s.raised_objections]
        self.s.raised_objections.extend(o.id for o in new)
        if trigger in PREEMPTIBLE_TRIGGERS:
            # Only statements pre-empt: a question cannot answer a concern nobody has voiced yet.
            for objection in [o for o in new if self._answers(o, self.l.fabe)]:
                self.s.resolved_objections.append(objection.id)
                self._adjust(trust=RESOLVE_TRUST)
                new.remove(objection)
        if new and waiting is None:
            self.say("raise_objection", new[0].id)
        return bool(new)

    def _answers(self, objection: Objection, moves: set[str]) -> bool:
        """Whether this turn makes one of the moves that resolve the objection, on its topic, civilly."""
        touches = not objection.topics or mentions_any(self.norm, objection.topics)
        return bool(moves & set(objection.resolved_by)) and touches and not self.l.rude

    def _voice_next_objection(self) -> None:
        if self.s.open_objection is not None:
            self.say("raise_objection", self.s.open_objection)

    def _open(self, trigger: str) -> bool:
        return any(
            o.trigger == trigger and o.id in self.s.raised_objections and o.id not in self.s.resolved_objections
            for o in self.p.objections
        )

    def _resolved_all(self, trigger: str) -> bool:
        return not any(
            o.trigger == trigger and o.id not in self.s.resolved_objections
            for o in self.p.objections
            if o.id in self.s.raised_objections
        ) and all(o.id in self.s.raised_objections for o in self.p.objections if o.trigger == trigger)
