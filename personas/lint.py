"""Persona lint: catches customers that cannot be won, before a trainee wastes a call on one.

Schema validation says a file is well formed; the lint says the customer is winnable. It probes each hidden part
with the sentences a trainee would say (run through the same labeler and topic matcher the director uses), and
replays the director's arithmetic of trust and patience, at every difficulty:

- a need that no question can draw out (no question of its `drawn_by` kinds carrying one of its topics);
- an urgent motive that cannot be drawn out, or fewer drawable needs than milestone 1 requires;
- an objection that nothing resolves (no reply of its `resolved_by` kinds touching one of its topics);
- a product that can never be accepted (no benefit can name a need), or trust that can never reach a deal;
- a customer whose patience runs out before a short skilled call can end.

Findings name the file, the field and the fix, like schema errors do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from graders.labeler import label_turn
from graders.text import mentions_any, normalise
from personas.difficulty import at_difficulty
from personas.library import PersonaError, id_clashes, load_persona_file, persona_files
from personas.schema import Persona
from simulator import director

Severity = Literal["error", "warning"]
FEW_TOPICS = 4
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_KNOWN_PLACEHOLDERS = {"name", "product", "price"}
_CJK = re.compile(r"[\u3400-\u9fff]")

# What a trainee might say to do each kind of move about a topic `{t}`. Several phrasings per move: the lint
# only needs one that the labeler reads as that move.
PROBES: dict[str, dict[str, list[str]]] = {
    "en": {
        "situation": ["Tell me about {t} at the moment: how many, how often?", "What do you have for {t} currently?"],
        "problem": ["What problems do you have with {t}?", "What's difficult about {t} for you?"],
        "implication": ["How does {t} affect you, and what happens if it stays like that?"],
        "need_payoff": ["If {t} were sorted, how much would that help you?"],
        "feature": ["About {t}: the package includes free installation and a 12-month plan."],
        "advantage": ["About {t}: unlike the alternatives, it works automatically, so it is faster."],
        # A benefit is tied to a need the customer stated (LABELS.md): the probes say so, as trainees do.
        "benefit": [
            "You mentioned {t}, so this means you'll save time and money every week.",
            "About {t}: so you will save time and money every week.",
        ],
        "evidence": ["About {t}: over 5,000 customers use it, with a 30-day money-back guarantee."],
        "summarize": ["So, just to confirm: {t}, is that right?"],
        "ask_commitment": ["Shall I go ahead and place the order for {t}?"],
        "next_step": ["Our specialist can come on Thursday at 10 to look at {t}."],
        "contact": ["Which phone number should I use for {t}?"],
    },
    "zh": {
        "situation": ["{t}目前是什么情况?", "您现在{t}方面是怎么安排的?"],
        "problem": ["{t}方面有什么问题吗?", "{t}上有什么不满意的地方?"],
        "implication": ["{t}这样下去,会有什么影响?"],
        "need_payoff": ["如果{t}解决了,对您帮助大吗?"],
        "feature": ["关于{t}:套餐包含免费安装,还有12个月的服务。"],
        "advantage": ["关于{t}:和别的相比,它能自动完成,更省心。"],
        "benefit": ["您刚才说到{t},用了这个,您就能省下时间和钱。", "关于{t}:这样您就能省下时间和钱。"],
        "evidence": ["关于{t}:已经有五千多位客户在用,还有30天无理由退款。"],
        "summarize": ["我确认一下:{t},对吗?"],
        "ask_commitment": ["那我现在就帮您下单{t},可以吗?"],
        "next_step": ["周四上午10点我们安排专员上门看看{t}。"],
        "contact": ["{t}的话,方便留一下您的手机号码吗?"],
    },
}


@dataclass(frozen=True)
class Finding:
    """One lint result, in the shape of a schema problem."""

    file: str
    field: str
    problem: str
    fix: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.severity}: {self.file}: {self.field}: {self.problem} (fix: {self.fix})"


def can_say(language: str, move: str, topic: str) -> bool:
    """Can a trainee make this move (a SPIN, FABE or close kind) while naming this topic?"""
    for template in PROBES[language][move]:
        text = template.format(t=topic)
        labels = label_turn(text)
        moves = labels.spin | labels.fabe | labels.close
        if move in moves and not labels.rude and mentions_any(normalise(text), [topic]):
            return True
    return False


def _drawable(language: str, kinds: set[str], topics: list[str]) -> bool:
    return any(can_say(language, kind, topic) for kind in sorted(kinds) for topic in topics)


def lint(persona: Persona, file: str = "") -> list[Finding]:
    """Everything that keeps this customer from being won, at any difficulty, plus authoring warnings."""
    file = file or f"{persona.key}.yaml"
    findings: list[Finding] = []
    for level in ("normal", "easy", "hard"):
        for finding in _winnable(at_difficulty(persona, level), file):
            suffix = "" if level == "normal" else f" (at difficulty {level})"
            tagged = Finding(finding.file, finding.field, finding.problem + suffix, finding.fix, finding.severity)
            if not any(f.field == tagged.field and f.problem.startswith(finding.problem) for f in findings):
                findings.append(tagged)
    findings += _warnings(persona, file)
    return findings


def _winnable(p: Persona, file: str) -> list[Finding]:
    lang, out = p.language, []
    every_kind = {"situation", "problem", "implication", "need_payoff"}
    drawable = []
    for i, need in enumerate(p.needs):
        kinds = every_kind if p.volunteers == "much" else set(need.drawn_by)
        if _drawable(lang, kinds, need.topics):
            drawable.append(need)
        else:
            out.append(
                Finding(
                    file,
                    f"needs.{i}.topics",
                    f"no question draws out need '{need.id}': none of its topics can be asked as "
                    f"{' or '.join(sorted(kinds))}",
                    "add topics a trainee would say when asking about it (6-12 words), or widen drawn_by",
                )
            )
    motive = p.urgent_motive
    if not _drawable(lang, set(motive.drawn_by), motive.topics):
        out.append(
            Finding(
                file,
                "urgent_motive.topics",
                "no question draws out the urgent motive, so milestone 1 (need with motive) can never be reached",
                "add topics a trainee would use in an implication or need-payoff question",
            )
        )
    if len(drawable) < p.milestones.needs_required:
        out.append(
            Finding(
                file,
                "milestones.needs_required",
                f"milestone 1 needs {p.milestones.needs_required} need(s) but only {len(drawable)} can be drawn out",
                "make more needs drawable, or lower needs_required",
            )
        )
    for i, objection in enumerate(p.objections):
        topics = objection.topics or [p.fact_sheet.product]
        if not _drawable(lang, set(objection.resolved_by), topics):
            out.append(
                Finding(
                    file,
                    f"objections.{i}",
                    f"nothing resolves objection '{objection.id}': no {' / '.join(objection.resolved_by)} reply "
                    "can touch its topics",
                    "add resolved_by moves or topics a trainee would use to answer it",
                )
            )
    need_topics = [t for n in drawable for t in n.topics] + motive.topics
    if drawable and not any(can_say(lang, "benefit", t) for t in need_topics):
        out.append(
            Finding(
                file,
                "milestones.product_accepted",
                "no benefit can name a need, so the product can never be accepted",
                "give the needs topics a benefit sentence would use (what the customer gains)",
            )
        )
    out += _arithmetic(p, file, len(drawable))
    return out


def _arithmetic(p: Persona, file: str, drawable: int) -> list[Finding]:
    """Replay the director's sums for the best possible call."""
    out = []
    reveals = drawable + 1
    best_trust = (
        p.trust
        + director.REVEAL_TRUST * reveals
        + director.BENEFIT_TRUST * drawable
        + director.EVIDENCE_TRUST
        + director.RESOLVE_TRUST * len(p.objections)
    )
    if best_trust < director.DEAL_TRUST:
        out.append(
            Finding(
                file,
                "trust",
                f"even a perfect call only brings trust to {best_trust}; a deal needs {director.DEAL_TRUST}",
                "raise trust, or add needs and objections the trainee can earn trust on",
            )
        )
    # Opening, one question per required need and the motive, summary, presentation, evidence, price, one reply
    # per objection, close, contact: each turn costs time; each reveal gives some patience back.
    turns = 1 + p.milestones.needs_required + 1 + 4 + len(p.objections) + 2
    left = p.patience - director.TIME_COST * turns + director.REVEAL_PATIENCE * (p.milestones.needs_required + 1)
    if left <= 0:
        out.append(
            Finding(
                file,
                "patience",
                f"the customer hangs up before a short skilled call of {turns} turns can end (patience {p.patience})",
                f"raise patience to at least {p.patience - left + director.IMPATIENT_BELOW}",
            )
        )
    return out


def _warnings(p: Persona, file: str) -> list[Finding]:
    out = []
    for i, need in enumerate(p.needs):
        if len(need.topics) < FEW_TOPICS:
            out.append(
                Finding(
                    file,
                    f"needs.{i}.topics",
                    f"need '{need.id}' has only {len(need.topics)} topic(s); trainees' wording will often miss it",
                    "give each need 6-12 topics: the words a trainee would use when asking about it",
                    "warning",
                )
            )
    topics = [t for n in p.needs for t in n.topics] + p.urgent_motive.topics
    script = [bool(_CJK.search(t)) for t in topics]
    if p.language == "zh" and not any(script):
        out.append(
            Finding(file, "needs", "a Chinese persona with no Chinese topics", "write topics in Chinese", "warning")
        )
    if p.language == "en" and any(script):
        out.append(
            Finding(file, "needs", "an English persona with Chinese topics", "write topics in English", "warning")
        )
    for kind, lines in p.lines:
        for line in lines or []:
            unknown = set(_PLACEHOLDER.findall(line)) - _KNOWN_PLACEHOLDERS
            if unknown:
                out.append(
                    Finding(
                        file,
                        f"lines.{kind}",
                        f"unknown placeholder {{{sorted(unknown)[0]}}}",
                        "use {name}, {product} or {price}",
                        "warning",
                    )
                )
    return out


def validate_files(paths: list[Path], library_dirs: tuple[Path, ...] = ()) -> list[Finding]:
    """`salesim personas validate`: schema problems, id clashes with the library, and the lint, for every file.

    Folders are read for their *.yaml files. Every problem in every file is returned; nothing stops at the first.
    """
    files = [f for p in paths for f in (sorted(p.glob("*.yaml")) if p.is_dir() else [p])]
    findings: list[Finding] = []
    checked: list[tuple[Path, Persona]] = []
    for path in files:
        try:
            checked.append((path, load_persona_file(path)))
        except PersonaError as exc:
            findings += [Finding(p.file, p.field, p.problem, p.fix) for p in exc.problems]
    given = {path.resolve() for path, _ in checked}
    library = []
    for path in persona_files(library_dirs):
        if path.resolve() not in given:
            try:
                library.append((path, load_persona_file(path)))
            except PersonaError:
                continue  # a broken library file is its own file's problem
    for clash in id_clashes(library + checked):
        if Path(clash.file).resolve() in given:
            findings.append(Finding(clash.file, clash.field, clash.problem, clash.fix))
    for path, persona in checked:
        findings += lint(persona, str(path))
    return findings
