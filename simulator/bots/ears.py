"""How a trainee bot hears the customer: generic cues any salesperson listens for, per language.

The bots never see the director's beats or the persona's hidden side; they read the customer's words, the way a
trainee on the phone does. The cues are the classic ones of seed 003's mystery-shopper drill (price, discount,
"I'll think about it", "my boss asked me") plus agreement, deferral and urgency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graders.text import normalise

ObjectionKind = str  # "price" | "discount" | "trust" | "time" | "defer" | "authority"

_CUES: dict[str, dict[str, re.Pattern[str]]] = {
    "en": {
        "price": re.compile(
            r"\bexpensive\b|\bso much\b|\btoo much\b|\bthat's a lot\b|\ba lot (?:for|of money)\b|\bcheaper\b|\bquoted\b"
            r"|\bpricey\b|\bcan't afford\b|\bover (?:the|our|my) budget\b|\bwhy (?:is it|does it cost|pay)\b"
            r"|\bless than you\b"
            r"|\bfor (?:less|half)\b|\bnot cheap\b|\bcosts? more\b|\bworth (?:it|that much)\?"
            r"|\b(?:i|we) (?:only )?pay \d|\banother (?:company|supplier|shop|firm) (?:said|quoted|offers|told"
            r"|advertises)"
            r"|\bother (?:company|supplier|shop|firm) (?:said|quoted|offers|told|advertises)|\balready paid\b"
        ),
        "discount": re.compile(
            r"\bdiscount|\banything off\b|\bbetter price\b|\bknock (?:something|anything) off\b|\d+% off\b"
        ),
        "trust": re.compile(
            r"\bhow do i know\b|\bcatch\b|\btoo good to be true\b|\bevery advert\b|\bactually works?\b|\bscam\b"
            r"|\bnever heard of\b|\bwhy should i (?:trust|believe)\b|\bwhat's in it for you\b|\bselling me something\b"
            r"|\bsales call\b|\bhow can i be sure\b|\bsounds like a\b|\btoo early to tell\b|\bwhether it works\b"
            r"|\bdoes it (?:really|actually) work\b|\bdon't give (?:my|out)\b|\bpeople on the phone\b"
            r"|\blocked in(?:to)?\b"
            r"|\btied (?:in|into|down)\b"
        ),
        "time": re.compile(
            r"\bhow many more\b|\bmeeting in\b|\bno time\b|\bget to the point\b|\bkeep it short\b"
            r"|\bdon't have all day\b"
            r"|\bin a hurry\b|\bmake (?:it|this) quick\b|\bwhat's this about\b"
            r"|\bother (?:companies|suppliers|shops|people) to (?:call|ring)\b|\bjust (?:tell|give|read) me\b"
            r"|\bwhat (?:exactly )?do you want\b|\bwhy all the questions\b|\bhow long (?:is|will) this\b"
            r"|\bi'm at work\b"
            r"|\bhaven't got all day\b|\bget back to work\b|\bfinish quickly\b|\bsee to the baby\b"
        ),
        "defer": re.compile(
            r"\bthink (?:about it|it over)\b|\bcall you back\b|\bsend me (?:something|the|some|it|details"
            r"|information|a quote|a brochure|an email)"
            r"|\bin writing\b|\bemail (?:me|it)\b|\blook at it (?:later|when)\b|\bnot (?:right )?now\b|\bsleep on it\b"
            r"|\bpass it on\b|\bnot ready\b|\bmaybe later\b|\bcompare\b|\bbigger decision\b|\bjust (?:try|start with)\b"
            r"|\bjust (?:once|one)\b|\band i'll see\b|\bwait and see\b|\bbrochure\b"
        ),
        "authority": re.compile(
            r"\bmy (?:husband|wife|boss|manager|partner|director|gm|ceo|owner|daughter|son)\b.*\b(?:decide|ask|say"
            r"|sign|check|want)"
            r"|\basked me to\b|\bnot my decision\b|\bnot up to me\b|\bhave to (?:ask|check with)\b|\bdecides\b"
            r"|\bask my (?:husband|wife|boss|partner|director)\b|\bcan't (?:sign|decide)\b|\bsigns anything\b"
            r"|\bhas to go past\b|\bchooses\b"
        ),
    },
    "zh": {
        "price": re.compile(
            r"贵|这么多钱|太多了|便宜|报价|超预算|划不来|不值|多花|花这么多|才要|只要\d|别家.*(?:元|块)|已经付|付清|又要(?:花)?钱|才\d|才要|别家|另一家报价"
        ),
        "discount": re.compile(r"优惠|折扣|打折|便宜点|少点|让点|打个折|给个.{0,2}折|折吧"),
        "trust": re.compile(
            r"怎么知道|靠谱|真(?:的)?(?:管用|有用|有效)|骗|广告都这么说|猫腻|陷阱|天上掉馅饼|凭什么|推销|有什么条件|图什么|怎么保证"
            r"|看得出|有没有用|告诉别人|电话里告诉|绑住|被合约"
        ),
        "time": re.compile(
            r"还有几个问题|还要问多久|还要多久|开会|没时间|长话短说|说重点|没那么多时间|赶时间|什么事|简短|问别的几家|别家还|快点|快一点"
            r"|问这么多|直接(?:把|告诉|报)|你就告诉我|到底想干什么|得去(?:干活|忙)"
        ),
        "defer": re.compile(
            r"考虑(?:一下|考虑)|想想|再说吧|回头|发(?:点|个|份|一份)?(?:资料|报价|方案)|书面|以后再|晚点|再给你打|我再打|比较一下|先不"
            r"|资料发|发.{0,3}(?:邮箱|价目表)|再看|先试试|慢慢来|先换一次|转给"
        ),
        "authority": re.compile(
            r"(?:老公|老婆|爱人|老板|领导|总经理|经理|家里人).{0,8}(?:定|说了算|问|商量|决定|签)|做不了主|让我(?:来)?问"
            r"|签不了|定不了|得.{0,6}签字|问问我(?:老公|老婆|爱人)"
        ),
    },
}
_AGREE = {
    "en": re.compile(
        r"\blet's do it\b|\blet's go ahead\b|\bsign me up\b|\bgo ahead\b|\bi'll take\b|\bcount me in\b|\bbook it\b"
        r"|\bsend (?:it|him|her|them|the \w+)(?: over| round)?\b|\bput (?:it|me) (?:on|down)\b|\bwe'll take\b|\bdeal\b"
        r"|\bstart it\b|\bset it up\b|\bwe have a deal\b|\bplace the order\b|\bi'll pay\b|\bwe'll pay\b"
        r"|\bbook (?:the|it|him|me)\b|\bopen the account\b"
    ),
    "zh": re.compile(
        r"就这么(?:定|办)|那就(?:订|办|定|这样|签|来|寄|派|开通|安排|下单|开户|约)|订一|办吧|签吧|开通吧|寄过来|派师傅|成交"
        r"|没问题,|给我(?:寄|送|安排|办)|付\d*%?定金|办一张|开户吧|签字付"
    ),
}
_LATER = {
    "en": re.compile(
        r"\bcall me (?:back|tomorrow|next|on|at|in)\b|\blet me (?:talk|think|discuss|check|ask)\b|\bnot yet\b"
        r"|\bcall me\b"
        r"|\bsend me the details and\b|\bsend me something and\b"
    ),
    "zh": re.compile(r"明天再|商量一下|回头再|下周再|再打给我|再联系|再给我打|晚上.*商量|先发"),
}
_ASKS_PRICE = {
    "en": re.compile(r"\bhow much\b|\bwhat does (?:it|this|that) cost\b|\bthe price\b|\bwhat's the price\b|\bcost\?"),
    "zh": re.compile(r"多少钱|价格|怎么卖|费用|怎么收费|多少\?"),
}
_URGENT = {
    "en": re.compile(
        r"\bworr|\bafraid\b|\bdeadline\b|\bsoon\b|\burgent|\bnext (?:month|week)\b|\bthis (?:year|month|week|winter"
        r"|quarter)\b"
        r"|\bin time\b|\bbefore (?:the|then|we|she|he|it|my|our)\b|\bby then\b|\bless than\b|\bcan't afford\b"
        r"|\bmoves? in\b"
        r"|\bexam\b|\bin (?:a few|two|three|\d+) (?:weeks|months|days)\b|\bbudget\b|\blose (?:her|him|them|the|it"
        r"|clients?)\b"
        r"|\bfirst of\b|\bfrom (?:monday|next|now)\b|\bstart(?:s|ed)?\b|\bmatters\b|\bthat's the thing\b"
        r"|\bthe real reason\b"
        r"|\b(?:until|till|by) (?:january|february|march|april|may|june|july|august|september|october|november"
        r"|december|the end)\b|\bseason\b|\bcan't take chances\b|\bdue\b|\bpromised\b"
    ),
    "zh": re.compile(
        r"担心|着急|急|马上|下个?月|今年|之前|来不及|赶|不到|快要|就要|怕|月底|下周|预算|损失|耽误|这事拖不得|要紧|关键是|真正的原因|就是因为"
        r"|开始了|就开始|月份|可不想|不敢|体检|上线|截止|搬进|冒险"
    ),
}
_DIDNT_ANSWER = {
    "en": re.compile(r"\bdidn't answer\b|\bstill haven't\b|\byou haven't (?:told|answered)\b"),
    "zh": re.compile(r"还没回答|没回答|还是没说"),
}
_VAGUE = {
    "en": re.compile(
        r"\b(?:no idea|don't know|not sure|never thought|haven't thought|couldn't tell|wouldn't know|can't comment"
        r"|not something i|don't keep track|i'd have to check|does it matter)\b"
    ),
    "zh": re.compile(r"不清楚|不知道|说不好|说不上来|没想过|不好说|没留意|不方便说|不好透露|有关系吗"),
}
_SETTLED = {
    "en": re.compile(
        r"\b(?:ok|okay|all right|alright|fine|fair enough|that's fair|i see|makes sense|not that much|that's something"
        r"|i suppose|then i've|not much to lose|less of a gamble|can live with)\b"
    ),
    "zh": re.compile(
        r"那还行|也行|还行|倒也|有道理|明白了|那好|行吧|那行|也是|那也|没什么损失|那我就|算了|算不了什么|还便宜|接着说"
    ),
}
_TO_CALLER = {  # "go on", "你接着说": about the call, not about the customer
    "en": re.compile(
        r"^(?:\w+,? )?(?:go on|go ahead|carry on|ok(?:ay)?|fine|sure|yes|right|mm-hm|hm)\b[^.]{0,20}[.!]?$"
    ),
    "zh": re.compile(r"你(?!们)"),
}
_PHONE = re.compile(r"\d{3}[\s-]?\d{3,4}[\s-]?\d{3,4}")
_SENTENCES = re.compile(r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<=[.!?。!?;;])\s*")
INFORMATIVE_CHARS = {"en": 60, "zh": 25}


@dataclass(frozen=True)
class Heard:
    """One customer reply as a trainee would hear it."""

    text: str
    objection: ObjectionKind | None = None
    didnt_answer: bool = False
    asks_price: bool = False
    agrees: bool = False
    later: bool = False
    informative: bool = False
    urgent: bool = False
    gave_contact: bool = False
    clauses: list[str] = field(default_factory=list)
    """The sentences that told something about the customer (for notes and listening back)."""


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCES.split(text) if s.strip()]


def hear(text: str, language: str) -> Heard:
    """Read one customer reply: is it an objection, agreement, deferral, information, urgency?"""
    cues = _CUES[language]
    said = sentences(text)
    objection: str | None = None
    info: list[str] = []
    # "Compared with a tutor it's not that much, I suppose. OK.": what comes before an acceptance is laid to rest.
    settled = max((i for i, sent in enumerate(said) if _SETTLED[language].search(normalise(sent))), default=-1)
    for index, sentence in enumerate(said):
        norm = normalise(sentence)
        if _VAGUE[language].search(norm):
            continue  # "I couldn't tell you": nothing learned, nothing to answer
        kind = next((k for k, rx in cues.items() if rx.search(norm)), None)
        if index <= settled:
            kind = None
        if kind and objection is None:
            objection = kind
        elif not kind and not _ASKS_PRICE[language].search(norm) and not _TO_CALLER[language].search(norm):
            info.append(sentence)
    norm = normalise(text)
    later = bool(_LATER[language].search(norm))
    if later and objection in ("defer", "authority"):
        objection = None  # "send me something and call me next week": the customer's decision, not a question
    # A question still open outweighs a yes said in the same breath.
    agrees = bool(_AGREE[language].search(norm)) and objection is None
    later = later and not agrees and objection is None
    informative = sum(len(s) for s in info) >= INFORMATIVE_CHARS[language]
    return Heard(
        text=text,
        objection=objection,
        didnt_answer=bool(_DIDNT_ANSWER[language].search(norm)),
        asks_price=bool(_ASKS_PRICE[language].search(norm)),
        agrees=agrees,
        later=later,
        informative=informative,
        urgent=informative and any(_URGENT[language].search(normalise(s)) for s in info),
        gave_contact=bool(_PHONE.search(text)),
        clauses=info if informative else [],
    )


# --- words ---------------------------------------------------------------------------------------------------
_EN_STOP = frozenset(
    {
        "a",
        "about",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "day",
        "did",
        "do",
        "does",
        "each",
        "every",
        "for",
        "from",
        "get",
        "got",
        "had",
        "has",
        "have",
        "he",
        "her",
        "here",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "just",
        "many",
        "may",
        "me",
        "might",
        "month",
        "more",
        "most",
        "much",
        "must",
        "my",
        "no",
        "not",
        "of",
        "off",
        "on",
        "one",
        "only",
        "or",
        "our",
        "out",
        "over",
        "per",
        "really",
        "shall",
        "she",
        "should",
        "so",
        "some",
        "split",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "two",
        "up",
        "us",
        "very",
        "was",
        "we",
        "week",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "would",
        "year",
        "yes",
        "you",
        "your",
        "yuan",
    }
)
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def stems(text: str, language: str) -> set[str]:
    """Comparable pieces of a text: word stems in English, character pairs in Chinese."""
    norm = normalise(text)
    if language == "zh":
        return {run[i : i + 2] for run in _CJK_RUN.findall(norm) for i in range(len(run) - 1)}
    return {w[:5] for w in re.findall(r"[a-z][a-z'-]+", norm) if w not in _EN_STOP and len(w) > 2}


def best_match(candidates: list[str], against: str, language: str) -> str:
    """The candidate sharing the most with `against` (ties: the first written)."""
    target = stems(against, language)
    return max(candidates, key=lambda c: len(stems(c, language) & target))
