"""The turn labeler reads what the trainee did, in English and Chinese (Simplified and Traditional)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graders.evaluation import load_set
from graders.labeler import call_context, clear_caches, label_turn, label_turns, rule_labels

# Known misses of the learned layer, kept as tests so a better model shows up as a pass (strict: an unexpected
# pass fails, to be promoted). The layer adds a second SPIN kind to these hypothetical questions; measured over
# whole sets it reads turns better than the rules alone (README, "How the labeler is built").
KNOWN_MISS = pytest.mark.xfail(strict=True, reason="the learned layer adds a second SPIN kind to this question")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What are you using for English practice at home?", "situation"),
        ("您孩子今年上初幾呢?", "situation"),
        ("How many rooms does the flat have", "situation"),
        ("Which parts of our service could be better?", "problem"),
        ("最頭痛的是哪一科?", "problem"),
        ("If his English stays where it is, how will that affect the high-school entrance exam?", "implication"),
        ("延误一天,对你们的生产有多大影响?", "implication"),
        ("If one card saved you 7,500 a year, would that be worth a look?", "need_payoff"),
        ("如果每天能练半小时口语,对他帮助大吗?", "need_payoff"),
    ],
)
def test_spin_questions_from_the_label_contract(text: str, kind: str) -> None:
    assert kind in label_turn(text).spin


@pytest.mark.parametrize("text", ["May I have your name?", "Is now a good time?", "请问您怎么称呼?", "现在方便说话吗?"])
def test_etiquette_questions_have_no_spin_and_no_stage(text: str) -> None:
    labels = label_turn(text)
    assert labels.spin == frozenset()
    assert labels.stage is None


def test_several_questions_in_one_turn_each_count() -> None:
    labels = label_turn("How old is your son, and what's the hardest part of English for him?")
    assert {"situation", "problem"} <= labels.spin
    assert labels.questions == 2


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It holds 3,000 recorded dialogues.", "feature"),
        ("So it corrects pronunciation as he speaks, unlike a textbook.", "advantage"),
        ("So your son can catch up before the entrance exam.", "benefit"),
        ("Over 20,000 families use it; you get 30 days to return it.", "evidence"),
        ("这款学习机收录了3000段真人对话。", "feature"),
        ("已有两万多个家庭在用,30天无理由退货。", "evidence"),
    ],
)
def test_fabe_statements(text: str, kind: str) -> None:
    assert kind in label_turn(text).fabe


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("So you need three rooms done before May, right?", "summarize"),
        ("Shall I place the order for you?", "ask_commitment"),
        ("Our fitter can come Thursday at 10.", "next_step"),
        ("Which number can I reach you on?", "contact"),
        ("我跟您确认一下:您需要三个房间五月前完工,对吧?", "summarize"),
        ("那我现在就帮您下单,可以吗?", "ask_commitment"),
        ("我们的师傅周四上午10点上门测量,您看可以吗?", "next_step"),
        ("方便留一个您的手机号码吗?", "contact"),
    ],
)
def test_close_moves(text: str, kind: str) -> None:
    assert kind in label_turn(text).close


def test_a_vague_next_step_is_not_a_next_step() -> None:
    assert "next_step" not in label_turn("We'll be in touch at some point.").close


def test_stages_follow_what_the_turn_mainly_serves() -> None:
    assert label_turn("What do you use at home at the moment?").stage == "cognitive"
    assert label_turn("If nothing changes, how will that affect the exam?").stage == "divergent"
    assert label_turn("Shall I place the order today?").stage == "convergent"
    assert label_turn("Thanks, goodbye!").stage is None


def test_traditional_and_simplified_chinese_read_the_same() -> None:
    assert label_turn("您孩子現在學習外語的方法是怎樣的呢?") == label_turn("您孩子现在学习外语的方法是怎样的呢?")


def test_rudeness_is_noticed_in_both_languages() -> None:
    assert label_turn("Are you deaf? Just buy it.").rude
    assert label_turn("你懂什么,赶紧买!").rude
    assert not label_turn("Could you tell me more about your son?").rude


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the condition says which: a problem kept is a consequence, a problem removed is a payoff
        ("If the boiler keeps breaking down, what does that do to your week?", "implication"),
        ("If the boiler were fixed for good, what would that do for your week?", "need_payoff"),
        ("So if you knew someone was watching the cameras, how would that change how you sleep?", "need_payoff"),
        ("Suppose you could see every van on a map. How many extra jobs a week would that get you?", "need_payoff"),
        pytest.param("要是业务员按错的数字接了单,最后发不出货,客户那边会怎么样?", "implication", marks=KNOWN_MISS),
        ("如果每個月能省下一半的房租,又不用綁約,對您們的業績幫助大不大", "need_payoff"),
        ("萬一哪天要開刀,一次可能就是五六萬,到時候家裡的預算會不會被打亂?", "implication"),
    ],
)
def test_a_hypothetical_question_is_implication_or_need_payoff_by_its_condition(text: str, kind: str) -> None:
    assert label_turn(text).spin == {kind}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What made you cancel - was there something that just wasn't working for you?", "problem"),
        ("How's she managing with cooking since then?", "problem"),
        ("Do you ever find out a van was somewhere it shouldn't have been?", "problem"),
        ("現在配合的物流,有沒有出過溫度不穩或者晚到的狀況", "problem"),
        ("冲奶粉用的水您心里踏实吗?", "problem"),
        ("这样下去,团队越大,管理成本会不会越高?", "implication"),
        ("一个月下来,花在采购上的时间大概有多少?", "implication"),
        ("If nothing changes and she falls again when nobody's around, what do you think happens then?", "implication"),
    ],
)
def test_problem_and_implication_questions_without_the_obvious_words(text: str, kind: str) -> None:
    assert kind in label_turn(text).spin


@pytest.mark.parametrize(
    "text",
    [
        "Our surveyor can come Tuesday at 10 or Thursday at 2 - which is better for you?",
        "We could do the whole house at once or start with the bedrooms. Which way round would suit you better?",
        "我们可以一次全换,也可以先换卧室,您看哪种更适合您家?",
        "Hi, thanks for calling SmileLine! Who do I have the pleasure of speaking with?",
        "Anything else I can help with today? No? Brilliant, have a good evening.",
    ],
)
def test_choosing_an_offer_or_a_slot_and_manners_ask_no_spin_question(text: str) -> None:
    assert label_turn(text).spin == frozenset()


def test_statements_that_open_like_questions_are_statements() -> None:
    assert label_turn("Which deals with exactly what's feeding the mould.").questions == 0
    assert label_turn("后面有什么优惠活动,我们再通知您。").questions == 0
    assert label_turn("Thank you, Mrs. Hughes. Have a lovely evening.").questions == 0
    assert label_turn("Have you got a minute.").questions == 1


def test_an_email_address_does_not_split_a_sentence() -> None:
    labels = label_turn("Is your office email still the one ending okafor-group.com?")
    assert labels.close == {"contact"} and labels.spin == frozenset()


def test_options_that_spell_out_the_question_before_are_not_a_new_question() -> None:
    labels = label_turn("那目前牙齒主要是哪裡讓您比較不滿意?是暴牙、牙縫,還是咬合不正呢?")
    assert labels.spin == {"problem"}


def test_an_ok_after_arranging_a_visit_is_not_a_commitment_ask_but_an_ok_after_the_order_is() -> None:
    visit = label_turn("Our engineer can come Saturday at 9 - would that work?")
    assert visit.close == {"next_step"}
    order = label_turn("Shall I set up the annual plan for you, starting today?")
    assert "ask_commitment" in order.close
    assert "ask_commitment" not in label_turn("没问题,明天下午三点我再给您回个电话,好吗?").close
    assert "ask_commitment" in label_turn("那我帮您把年卡办了,今天付两百定金就能锁定这个价格,好吗?").close


def test_times_offered_then_a_choice_asked_is_a_next_step() -> None:
    assert "next_step" in label_turn("I have Thursday at 5:30 or Saturday at 10 - which works for you?").close
    assert "next_step" not in label_turn("When do you need it by, and what's your number?").close


def test_a_summary_confirmed_in_its_own_question_is_a_summary() -> None:
    labels = label_turn("So his other subjects are fine, and English is the weak one. Is that right?")
    assert labels.close == {"summarize"} and labels.spin == frozenset()


@pytest.mark.parametrize(
    ("text", "move"),
    [
        ("您觉得这套方案合不合适?", "ask_commitment"),
        ("这个价位您还能接受吧?", "ask_commitment"),
        ("要不我先安排测量师傅免费上门量一下?", "ask_commitment"),
        ("好的,就周三上午。收件人的手机方便留一下吗?", "next_step"),
    ],
)
def test_chinese_trial_closes_and_fixed_times(text: str, move: str) -> None:
    assert move in label_turn(text).close


@pytest.mark.parametrize(
    "text",
    [
        "Would you be willing to make a small donation today?",  # real phrasing from PersuasionForGood
        "Is this something you would consider signing up for?",
        "I'd encourage you to sign up today.",  # (booking a free trial is a next step to most annotators)
        "Let me know how much you would like to give today.",
    ],
)
def test_the_decision_asked_outright_is_a_commitment_ask(text: str) -> None:
    assert "ask_commitment" in label_turn(text).close


def test_asking_a_name_with_a_number_is_taking_contact_details() -> None:
    labels = label_turn("Saturday at 9, done. Can I get your full name and a good cell number for the confirmation?")
    assert labels.close == {"next_step", "contact"}
    assert (
        "contact"
        not in label_turn("If your phone pinged the moment a door opened, how much easier would you sleep?").close
    )


def test_weighing_a_gain_with_figures_is_not_a_commitment_ask() -> None:
    labels = label_turn(
        "If a service cost you 1,880 yuan and saved you 7,500 to 9,000 of that spend, would you consider it?"
    )
    assert "need_payoff" in labels.spin and "ask_commitment" not in labels.close


@KNOWN_MISS  # since the layer learned from the dev41-48 second opinions: implication scores 0.12 ("cost you")
def test_weighing_a_gain_with_figures_is_only_need_payoff() -> None:
    labels = label_turn(
        "If a service cost you 1,880 yuan and saved you 7,500 to 9,000 of that spend, would you consider it?"
    )
    assert labels.spin == {"need_payoff"}


def test_a_past_or_due_time_in_a_greeting_arranges_nothing() -> None:
    assert (
        "next_step"
        not in label_turn("Hi, it's Jade from VoltRide, you left an enquiry on our website on Sunday.").close
    )
    assert "next_step" not in label_turn("I'm ringing because your boiler service is due next month.").close
    assert "next_step" in label_turn("Our engineer can service it next Tuesday at 9.").close


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What is it about it that drives you mad day to day", "problem"),
        ("And what didn't quite work about them?", "problem"),
        pytest.param(
            "If your patient records got locked by ransomware for a week, what would that do to appointments?",
            "implication",
            marks=KNOWN_MISS,
        ),
    ],
)
def test_more_problem_and_implication_phrasings(text: str, kind: str) -> None:
    # the kind is credited; annotators (and so the learned layer) sometimes also read a situation question in it
    assert kind in label_turn(text).spin
    assert not label_turn(text).spin & ({"implication", "need_payoff"} - {kind})


def test_offering_to_send_something_is_not_a_need_payoff_question() -> None:
    assert label_turn("Would it help if I sent over a one-page summary with the policy wording?").spin == frozenset()


def test_a_trainees_own_lines_from_using_the_app() -> None:
    # "how often" is a situation word in LABELS.md and a problem question here: annotators credit either or both
    toner = label_turn("And how often do you run out of toner or have the copier jam on you?").spin
    assert "problem" in toner and not toner & {"implication", "need_payoff"}
    pitch = label_turn(
        "Our paper doesn't jam like cheap 70 g, and the copier reorders its own toner, so nobody has to keep stock."
    )
    assert "advantage" in pitch.fabe


def _calls(name: str) -> list[list[str]]:
    """The trainee turns of each call in a labelled set (a call is a run of rows about one product)."""
    calls: dict[str, list[str]] = {}
    for row in load_set(Path(__file__).parent / "data" / f"{name}.jsonl"):
        calls.setdefault(row["product"], []).append(row["text"])
    return list(calls.values())


@pytest.mark.parametrize("name", ["labels_dev41_en", "labels_dev41_zh"])
def test_the_grader_reads_each_call_as_the_director_did_turn_by_turn(name: str) -> None:
    """The grader scores a call's turns together; the director scored them one at a time as the call went."""
    for texts in _calls(name):
        clear_caches()
        together = label_turns(texts)
        clear_caches()
        assert together == [label_turn(text, texts[:i]) for i, text in enumerate(texts)]
        assert label_turns(texts) == together  # and from what the director left remembered


def test_the_call_so_far_is_the_same_whether_extended_turn_by_turn_or_read_cold() -> None:
    """The director asks after every turn; each answer extends the last one instead of rereading the call."""
    texts = _calls("labels_dev41_en")[0]
    clear_caches()
    extended = [call_context(texts[:i]) for i in range(len(texts) + 1)]
    cold = []
    for i in range(len(texts) + 1):
        clear_caches()
        cold.append(call_context(texts[:i]))
    assert extended == cold
    clear_caches()
    assert call_context(texts[:5]) == cold[5]  # a call first asked about part-way through


def test_the_call_so_far_says_where_the_turn_is_and_what_came_before() -> None:
    first = "Which grade is your son in?"
    assert call_context([]) == {"ctx:pos=1"}
    after = call_context([first])
    assert {"ctx:pos=2", "ctx:prev=situation", "ctx:seen=situation"} <= after
    assert "ctx:seen=situation" in call_context([first, "It has 3,000 recorded dialogues."])
    assert "ctx:prev=situation" not in call_context([first, "It has 3,000 recorded dialogues."])


@pytest.mark.parametrize(
    "text",
    [
        "So you run two vans, both over ten years old, and the MOT is due in March. Is that the picture?",
        "Right, so three sites and one shared printer each, that about it?",
        "So the roof leaks in two places and the insurer won't pay. Have I missed anything?",
        "我總結下：你哋有三間舖，下個月開新分店，最擔心係人手唔夠，係咪咁？",  # Cantonese
        "我重複一次：兩房單位，下個月入伙，要裝窗簾同燈，係唔係咁？",
    ],
)
def test_a_read_back_confirmed_by_a_question_of_its_own_is_a_summary(text: str) -> None:
    assert "summarize" in label_turn(text).close


@pytest.mark.parametrize(
    "text",
    [
        "What if I throw in free installation, would that get you there?",
        "Are you alright to pay by card now?",
        "I can lock that price in for you today.",
        "So ten cases, how's that sound?",
    ],
)
def test_a_sweetener_a_payment_check_or_holding_the_offer_asks_for_the_decision(text: str) -> None:
    # The cue rules catch these too, so the ask holds on phrasing the learned layer has not seen.
    assert "ask_commitment" in rule_labels(text).close
    assert "ask_commitment" in label_turn(text).close


def test_arranging_a_call_to_settle_it_later_is_a_next_step_not_the_ask() -> None:
    assert label_turn("I'll call you Wednesday afternoon to lock it in. Thanks!").close == {"next_step"}
