"""Checks that a model's reply stays in character: the customer's role, the persona's language, the director's
move. Pure functions of the reply and what the voice was allowed to know; a failed check means the voice falls
back to the persona's own line. Built for weak models, so every check errs on the side of falling back."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property

from simulator.voices.base import Utterance, VoiceRequest

# Moves that carry a fact the trainee must hear; a reply that drops one gets the persona's line added.
KEY_BEATS = frozenset({"reveal_need", "reveal_motive", "fact", "raise_objection", "give_contact"})
# Moves in which the customer may say yes to buying, or end the call.
YES_BEATS = frozenset({"agree", "accept_price_time", "confirm_next_step"})
END_BEATS = frozenset({"hang_up", "goodbye"})
RELEVANCE_AFTER = {"en": 100, "zh": 30}  # characters after which a reply must show it is about the move
REPEAT_CLAUSE = {"en": 30, "zh": 10}  # a clause this long, said before in the call, is a model going in circles

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
_SPEAKERS = ("customer", "client", "客户", "顾客")
_QUOTES = "\"'“”‘’「」『』"
_REPEAT = re.compile(r"(.{6,}?)\1{2,}", re.S)
# Symbols no one says on the phone, and full-width Latin letters and digits: a weak model's noise ("＃＃＃ＨＯ０＆").
_GARBLED = re.compile(r"([#*&@$%^~_=+<>|\\/＃＊＆＠＄％＾～＿＝＋＜＞｜＼／])\1|[＃＄％＆＊＋＠Ａ-Ｚａ-ｚ０-９]")
_CLAUSE = re.compile(r"[,.!?;:，。！？；：、\n]+")

_ROLE_BREAK = {
    "en": re.compile(
        r"^\s*(?:salesperson|sales ?rep|seller|agent|assistant|ai|user|trainee|system)\s*:"
        r"|\bas an? (?:ai|language model|assistant|chatbot|large language)"
        r"|\b(?:i am|i'm|i’m) (?:an? )?(?:ai|assistant|language model|chatbot|bot|virtual)\b"
        r"|\b(?:i am|i'm|i’m|as) (?:now )?(?:not )?(?:the |a |an |your )?(?:\w+ )?"
        r"(?:sales ?person|seller|sales ?rep|sales agent|agent)\b"
        r"|\bour (?:product|offer|device|card|windows?|promotion|price|package|customers)\b"
        r"|\b(?:we|i) (?:can )?offer you\b|\bhow (?:can|may) i (?:help|assist) you\b"
        r"|\bwould you like to (?:buy|order|purchase|sign)\b|\bshall i (?:place|book|put)\b"
        r"|\b(?:system prompt|my instructions|hidden needs?|the director|as an ai)\b",
        re.I,
    ),
    "zh": re.compile(
        r"^\s*(?:销售员?|客服|坐席|助手|AI|用户|系统)\s*[:：]"
        r"|作为(?:一[个名])?(?:AI|人工智能|语言模型|助手|销售|客服)"
        r"|我(?:现在)?是(?:一[个名])?(?:AI|人工智能|语言模型|助手|销售|客服|卖家)"
        r"|我们的(?:产品|优惠|活动|会员卡|学习机|窗户?|价格|套餐|客户)"
        r"|[为给]您(?:介绍|推荐)|请问有什么可以帮|有什么可以帮您|我帮您(?:下单|办理|订)"
        r"|您(?:要不要|想不想)(?:买|订|下单|办)|系统提示|隐藏需求|我的指令",
        re.I,
    ),
}
_META = {  # the prompt echoed back, or the call narrated from outside
    "en": re.compile(
        r"your move|your own words|</?salesperson|\bin character\b|\bstage directions?\b|\n\s*[\w .]{1,24}:"
        r"|(?:^|\n)\s*[-(\[*#]|\((?:the call|he|she|they|pause|laugh|sigh)|^\s*[\w .]{1,24}:|[“”「」]|:\s*-\s|:\s*\n"
        r"|\bthe (?:customer|salesperson|seller|sales ?rep|trainee)\b(?! service)"
        r"|^\s*(?:move|reply|answer|response)\s*:|\bas (?:mr|mrs|ms|miss)\.? [a-z]+",
        re.I,
    ),
    "zh": re.compile(
        r"你的动作|用你自己的话|</?salesperson|【|】|(?:客户|销售)(?:说|回答|表示)[:：]|\n\s*\S{1,12}[:：]"
        r"|(?:^|\n)\s*[-(（\[*#]|^\s*\S{1,8}[:：]|[“”「」]|[:：]\s*-\s|[:：]\s*\n"
    ),
}
_BUYS = {
    "en": re.compile(
        r"\bi(?:'ll| will|'d| would)(?: definitely| gladly)? (?:buy|take|order|purchase|get) (?:it|one|the|this)\b"
        r"|\bi (?:buy|order|purchase) (?:it|one|the|this)\b|\b(?:it'?s|you'?ve got|you have|that'?s) a deal\b"
        r"|\bdeal[.!]|\bsign me up\b|\bi(?:'m| am) buying\b|\bcount me in\b|\bi'?m in[.!]"
        r"|\b(?:place|put in) (?:the|my|an) order\b|\bsend it over\b|\blet'?s do it\b|\bi want to (?:buy|order)\b",
        re.I,
    ),
    "zh": re.compile(r"我(?:就|要|决定)?买|买了|我要了|成交|下单吧|给我下单|就这么定了|我订|签约|帮我办|我办一张"),
}
_ENDS = {
    "en": re.compile(r"\b(?:good ?bye|bye(?:-bye)?|i(?:'m| am) hanging up)\b", re.I),
    "zh": re.compile(r"再见|拜拜|挂了"),
}
_STOP_EN_WORDS = (
    "the and but for you your yours that this with have has had was were are not just what when where which who how "
    "all any can could would should will shall about there their they them then than from into out our ours its "
    "it's i'm i've i'd i'll don't doesn't didn't isn't won't can't been being does did very really well yes okay "
    "now one some more much many also too get got know think say said like here only even still let him his her "
    "she hmm sure right fine good thing things way time bit lot make made want see look come going just maybe "
    "because actually honestly mean tell told ask asked"
)
_STOP_ZH_WORDS = (
    "我们 你们 他们 这个 那个 就是 没有 可以 一个 什么 不是 现在 知道 觉得 时候 还是 但是 因为 所以 如果 已经 一下 "
    "这样 那样 怎么 自己 还有 有点 不过 其实 真的 一些 非常 问题 我的 您的 的话 这么 那么 就说 说实话 一点"
)
_STOP_EN, _STOP_ZH = frozenset(_STOP_EN_WORDS.split()), frozenset(_STOP_ZH_WORDS.split())


def words(text: str) -> set[str]:
    """Content tokens: English words of 3+ letters, numbers, Chinese character pairs; common words left out."""
    lowered = text.lower()
    tokens = {w for w in _LATIN_WORD.findall(lowered) if len(w) >= 3 and w not in _STOP_EN}
    tokens |= numbers(text)
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        tokens |= {run[i : i + 2] for i in range(len(run) - 1)} - _STOP_ZH
    return tokens


def shingles(text: str) -> set[str]:
    """Runs of four words (six characters in Chinese) with at least one content word: verbatim phrases."""
    out: set[str] = set()
    tokens = _LATIN_WORD.findall(text.lower())
    for i in range(len(tokens) - 3):
        run = tokens[i : i + 4]
        if any(len(t) >= 3 and t not in _STOP_EN for t in run):
            out.add(" ".join(run))
    for run in re.findall(r"[\u3400-\u9fff]+", text):
        out |= {run[i : i + 6] for i in range(len(run) - 5)}
    return out


def numbers(text: str) -> set[str]:
    return {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}


def wrong_language(text: str, language: str) -> bool:
    """English from a Chinese customer, Chinese from an English one, or another script altogether."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    letters = sum(ch.isalpha() for ch in text)
    if language == "zh":
        return cjk + latin >= 2 and cjk < 2 * latin + 2
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    return cjk > 0 or (letters >= 8 and ascii_letters < 0.9 * letters)


def _clauses(text: str) -> list[str]:
    return [c for c in (" ".join(c.lower().split()) for c in _CLAUSE.split(text)) if len(c) >= 6]


def _repeats_a_clause(text: str) -> bool:
    clauses = _clauses(text)
    return len(clauses) != len(set(clauses))


def clean_start(text: str, request: VoiceRequest) -> str:
    """Drop a leading speaker label for the customer ('Customer:', 'Mr. Zhou:', '客户：') and opening quotes."""
    names = "|".join(re.escape(n) for n in (request.persona.customer.name, *_SPEAKERS))
    text = re.sub(rf"^\s*[*_]*\s*(?:{names})\s*[*_]*\s*[:：]\s*", "", text, count=1, flags=re.I)
    return text.strip().lstrip(_QUOTES).strip()


@dataclass(frozen=True)
class Guard:
    """Judges replies to one request."""

    request: VoiceRequest

    @property
    def language(self) -> str:
        return self.request.persona.language

    @cached_property
    def _kinds(self) -> set[str]:
        return {u.kind for u in self.request.beats}

    @cached_property
    def _on_call(self) -> str:
        """What the trainee may already know: the move, the recent transcript and the public fact sheet."""
        sheet = self.request.persona.fact_sheet
        public = [
            sheet.product,
            sheet.summary,
            sheet.price,
            *sheet.features,
            *sheet.advantages,
            *sheet.benefits,
            *sheet.evidence,
            *sheet.terms,
            self.request.persona.customer.name,
        ]
        return "\n".join([*(u.text for u in self.request.beats), *(m["text"] for m in self.request.recent), *public])

    @cached_property
    def _hidden(self) -> list[tuple[str, set[str], set[str]]]:
        """Hidden facts the director has not chosen for this move: the words and phrases only they would explain."""
        persona, beat_texts = self.request.persona, {u.text for u in self.request.beats}
        items = [(f"need {n.id}", f"{n.reveal} {n.summary}") for n in persona.needs if n.reveal not in beat_texts]
        if persona.urgent_motive.reveal not in beat_texts:
            items.append(("urgent motive", f"{persona.urgent_motive.reveal} {persona.urgent_motive.summary}"))
        items += [(f"fact {i}", f.answer) for i, f in enumerate(persona.facts) if f.answer not in beat_texts]
        known, known_phrases = words(self._on_call), shingles(self._on_call)
        return [(name, words(text) - known, shingles(text) - known_phrases) for name, text in items]

    def problem(self, text: str) -> str | None:
        """Why this reply (or the part of it so far) cannot be the customer's line, or None."""
        lang = self.language
        if wrong_language(text, lang):
            return "wrong language"
        if _ROLE_BREAK[lang].search(text):
            return "speaks as the seller or an assistant"
        if _META[lang].search(text):
            return "steps out of the call (echoes the prompt or narrates)"
        if _GARBLED.search(text):
            return "garbled (symbols or full-width letters)"
        if self._addresses_itself(text):
            return "calls the customer by the customer's own name (roles mixed up)"
        if _REPEAT.search(text) or _repeats_a_clause(text) or self._said_before(text):
            return "repeats itself"
        if not self._kinds & YES_BEATS and _BUYS[lang].search(text):
            return "agrees to buy, which the director did not decide"
        if not self._kinds & END_BEATS and _ENDS[lang].search(text):
            return "ends the call, which the director did not decide"
        invented = numbers(text) - numbers(self._on_call)
        if invented:
            return f"states numbers it was not given ({', '.join(sorted(invented))})"
        if not self.relevant(text):
            return "says nothing about the move or what the trainee said"
        said, pieces = words(text), shingles(text)
        for name, tokens, phrases in self._hidden:
            hits = said & tokens
            if (tokens and len(hits) >= min(3, max(2, math.ceil(0.34 * len(tokens))))) or pieces & phrases:
                return f"reveals the {name} before the director chose to"
        return None

    def _addresses_itself(self, text: str) -> bool:
        """'You're quite smart, Mr. Zhou!' from Mr. Zhou: the name set off by punctuation, as one addresses someone."""
        name = re.escape(self.request.persona.customer.name)
        return bool(re.search(rf"(?:^|[,，!！?？;；]\s*){name}\s*[!！?？,，]|[,，]\s*{name}\s*(?:[.。]|$)", text))

    def relevant(self, text: str) -> bool:
        """Short, or sharing a word stem with the move or the trainee's line: weak models ramble off topic."""
        if len(text.strip()) < RELEVANCE_AFTER[self.language]:
            return True
        trainee = [m["text"] for m in self.request.recent[-1:] if m["role"] == "trainee"]
        context = " ".join([*(u.text for u in self.request.beats), *trainee])
        return bool({w[:5] for w in words(text)} & {w[:5] for w in words(context)})

    def _said_before(self, text: str) -> bool:
        """A long clause the customer already said earlier in the call: a model going round in circles."""
        earlier = {c for m in self.request.recent if m["role"] == "customer" for c in _clauses(m["text"])}
        earlier -= {c for u in self.request.beats for c in _clauses(u.text)}  # the move may repeat itself
        return any(len(c) >= REPEAT_CLAUSE[self.language] and c in earlier for c in _clauses(text))

    def missing(self, text: str) -> list[Utterance]:
        """Key beats of the move that the reply did not carry."""
        said, said_numbers = words(text), numbers(text)
        out = []
        for beat in self.request.beats:
            if beat.kind not in KEY_BEATS:
                continue
            tokens = words(beat.text)
            needed = numbers(beat.text) if beat.kind == "give_contact" else set()
            if not needed <= said_numbers or (tokens and len(said & tokens) < max(1, math.ceil(0.25 * len(tokens)))):
                out.append(beat)
        return out
