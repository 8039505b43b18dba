"""Self-play calibration: trainee bots of known skill call a persona through the real graph, offline.

A persona is hard in the right way when the good bot wins it (on easy and normal), the weak and rude bots never
close a deal, the scorecard orders them good > weak > rude, and a hard customer makes the good bot work harder
at discovery than an easy one. `salesim selfplay` and the tests both run this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from personas.difficulty import LEVELS
from personas.library import get_persona
from personas.schema import Difficulty
from simulator.bots import TRAINEES, Brief, TraineeKind, make_bot
from simulator.session import CallView, Simulator
from simulator.settings import Settings


@dataclass(frozen=True)
class SelfPlayResult:
    """One self-played call."""

    persona: str
    language: str
    difficulty: str
    trainee: str
    outcome: str
    score: int
    run: int
    ended_by: str | None
    milestones: list[str]
    turns: int
    """Trainee turns."""
    discovery: int
    """Trainee turns that asked a SPIN question."""

    def record(self) -> dict:
        """The `salesim selfplay --json` line."""
        keys = ("persona", "language", "difficulty", "trainee", "outcome", "score")
        return {k: asdict(self)[k] for k in keys} | {
            "run": self.run,
            "ended_by": self.ended_by,
            "milestones": self.milestones,
            "turns": self.turns,
            "discovery": self.discovery,
        }


def offline_simulator(settings: Settings | None = None) -> Simulator:
    """A simulator that keeps its checkpoints in memory: self-play leaves nothing in the user's call store."""
    return Simulator(settings or Settings(), db_path=Path(":memory:"))


def play(
    sim: Simulator,
    persona_id: str,
    language: str,
    trainee: TraineeKind,
    difficulty: Difficulty = "normal",
    run: int = 0,
) -> SelfPlayResult:
    """One call between a trainee bot and the persona at this difficulty."""
    persona = get_persona(persona_id, language, (sim.settings.user_persona_dir,))
    bot = make_bot(trainee, Brief.of(persona), run)
    view = sim.start(persona_id, language, difficulty=difficulty)
    while not view.finished:
        line = bot.next_line(view.transcript)
        view = sim.end(view.thread_id) if line is None else sim.say(view.thread_id, line)
    return _result(view, trainee, difficulty, run)


def _result(view: CallView, trainee: str, difficulty: str, run: int) -> SelfPlayResult:
    card = view.scorecard or {"score": 0, "turns": []}
    trainee_turns = [t for t in card["turns"] if t["role"] == "trainee"]
    return SelfPlayResult(
        persona=view.persona,
        language=view.language,
        difficulty=difficulty,
        trainee=trainee,
        outcome=view.outcome,
        score=int(card["score"]),
        run=run,
        ended_by=view.ended_by,
        milestones=list(view.milestones),
        turns=len(trainee_turns),
        discovery=sum(1 for t in trainee_turns if t["labels"] and t["labels"]["spin"]),
    )


def matrix(
    sim: Simulator,
    personas: Iterable[tuple[str, str]],
    trainees: Iterable[TraineeKind] = TRAINEES,
    difficulties: Iterable[Difficulty] = LEVELS,
    runs: int = 1,
) -> list[SelfPlayResult]:
    """Every (persona, language) x difficulty x trainee x run."""
    trainees, difficulties = tuple(trainees), tuple(difficulties)
    return [
        play(sim, pid, lang, trainee, level, run)
        for pid, lang in personas
        for level in difficulties
        for trainee in trainees
        for run in range(runs)
    ]


def problems(results: list[SelfPlayResult]) -> list[str]:
    """What the calibration rules say about a set of results (empty: the personas are hard in the right way)."""
    found = []
    by_key = {(r.persona, r.language, r.difficulty, r.trainee, r.run): r for r in results}
    for r in results:
        where = f"{r.persona}.{r.language} {r.difficulty}"
        if r.trainee == "good" and r.difficulty in ("easy", "normal") and r.outcome not in ("deal", "intention"):
            found.append(f"{where}: the good bot only got '{r.outcome}'")
        if r.trainee in ("weak", "rude") and r.outcome == "deal":
            found.append(f"{where}: the {r.trainee} bot closed a deal")
        if r.trainee == "good":
            weak = by_key.get((r.persona, r.language, r.difficulty, "weak", r.run))
            rude = by_key.get((r.persona, r.language, r.difficulty, "rude", r.run))
            if weak and rude and not r.score > weak.score > rude.score:
                found.append(f"{where}: scores good {r.score}, weak {weak.score}, rude {rude.score} are out of order")
        if r.trainee == "good" and r.difficulty == "hard":
            easy = by_key.get((r.persona, r.language, "easy", "good", r.run))
            if easy and not r.discovery > easy.discovery:
                found.append(
                    f"{where}: the good bot asked {r.discovery} discovery questions on hard, {easy.discovery} on easy"
                )
    return found
