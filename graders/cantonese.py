"""Written Cantonese folded into Mandarin, so the Mandarin cues read a Hong Kong trainee's turn.

Cantonese shares most content words with Mandarin but not its function words: the question words (點解, 邊個,
幾多, 咩), negation (唔, 冇), A-not-A questions (係咪, 有冇) and pronouns (佢哋). The labeler's cues know the
Mandarin ones, so a Cantonese question read as written is often no question at all. The fold runs after
Traditional is turned into Simplified, and only on a turn written in Cantonese (one with a word Mandarin does
not use), so Mandarin text is never touched.
"""

from __future__ import annotations

import re

# Characters and words that mark a turn as Cantonese: Mandarin prose does not use them.
_MARKERS = re.compile(
    r"[唔冇嘅喺咗佢哋嘢啲𠮶嗰乜咩睇谂嚟畀俾攞咁啱揾㗎㖞噉冚]"
    r"|系咪|系唔系|点解|边个|边度|呢个|几多|而家|琴日|听日"
)

# Longest first, so "系唔系" becomes "是不是" before "唔" and "系" are folded one by one.
_WORDS = {
    "系唔系咁": "是不是这样",
    "系咪咁": "是不是这样",
    "系唔系": "是不是",
    "系咪": "是不是",
    "是咪": "是不是",
    "有冇": "有没有",
    "识唔识": "会不会",
    "得唔得": "行不行",
    "啱唔啱": "对不对",
    "使唔使": "用不用",
    "唔该": "谢谢",
    "唔使": "不用",
    "唔好意思": "不好意思",
    "唔紧要": "不要紧",
    "唔好": "不要",
    "边度": "哪里",
    "呢度": "这里",
    "𠮶度": "那里",
    "点解": "为什么",
    "点样": "怎么样",
    "点算": "怎么办",
    "点称呼": "怎么称呼",
    "点睇": "怎么看",
    "几多": "多少",
    "几大": "多大",
    "几耐": "多久",
    "几时": "什么时候",
    "几钱": "多少钱",
    "乜嘢": "什么",
    "咩嘢": "什么",
    "乜": "什么",
    "嘢": "东西",
    "佢哋": "他们",
    "我哋": "我们",
    "你哋": "你们",
    "佢": "他",
    "嘅": "的",
    "咗": "了",
    "喺": "在",
    "冇": "没有",
    "唔": "不",
    "啲": "些",
    "睇": "看",
    "谂": "想",
    "嚟": "来",
    "畀": "给",
    "俾": "给",
    "攞": "拿",
    "揾": "找",
    "攰": "累",
    "钟意": "喜欢",
    "屋企": "家里",
    "而家": "现在",
    "依家": "现在",
    "宜家": "现在",
    "琴日": "昨天",
    "听朝": "明天早上",
    "朝早": "早上",
    "朝头早": "早上",
    "下昼": "下午",
    "晏昼": "下午",
    "夜晚": "晚上",
    "今朝": "今天早上",
    "听日": "明天",
    "啱啱": "刚刚",
    "啱": "对",
    "咁样": "这样",
    "咁": "那么",
    "噉": "那么",
    "𠮶": "那",
    "嗰": "那",
    "仲有": "还有",
    "少少": "一点",
    "落单": "下单",
    "落订": "下订",
    "得闲": "有空",
    "返工": "上班",
    "话我知": "告诉我",
    "覆我": "回复我",
    "覆你": "回复你",
    "定系": "还是",
    "抑或": "还是",
}
# Words whose Cantonese sense depends on what follows: 边 asks "which" before a measure word (边个, 边度) but is a
# side in 旁边; 呢 points ("this") before one but asks a question at the end of a sentence; 咩 asks "what" inside
# a sentence but is a question particle at its end; 系 is "to be" except in words such as 关系 and 系统.
_WHICH = "个|度|位|间|方面|种|样|日|款|区|处|条|张|只|部|次|套|份|项|类"
_IN_CONTEXT = [
    (re.compile(r"是不是(?=\s*(?:[?.!]|$))"), "是不是这样"),  # "…,系咪?" closing a read-back asks "is that so?"
    (re.compile(rf"边(?=(?:{_WHICH}))"), "哪"),
    (re.compile(rf"呢(?=(?:{_WHICH}|些|排))"), "这"),
    (re.compile(r"咩(?=\s*(?:[?.!,]|$))"), "吗"),
    (re.compile(r"咩"), "什么"),
    (re.compile(r"(?<![关联体派直星科谱母父])系(?![统列数])"), "是"),
    (re.compile(r"仲(?![裁夏介秋春冬])"), "还"),
    (re.compile(r"倾(?![向斜销听注泻盆])"), "谈"),
    (re.compile(r"未(?=\s*(?:[?]|$))"), "没有"),
]
_WORD = re.compile("|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True)))


def is_cantonese(text: str) -> bool:
    """Does this (Simplified) Chinese text use words only written Cantonese uses?"""
    return bool(_MARKERS.search(text))


def fold(text: str) -> str:
    """Mandarin function words for the Cantonese ones of a Simplified Chinese text; Mandarin text unchanged."""
    if not is_cantonese(text):
        return text
    text = _WORD.sub(lambda m: _WORDS[m.group()], text)
    for pattern, mandarin in _IN_CONTEXT:
        text = pattern.sub(mandarin, text)
    return text
