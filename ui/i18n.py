"""The web app's words in English and Chinese. Labels only: what the grader says stays the grader's."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")

LANGUAGES = {"en": "English", "zh": "中文"}

STRINGS: dict[str, dict[str, str]] = {
    # the frame
    "app_title": {"en": "salesim · telesales practice", "zh": "salesim · 电话销售练习"},
    "tagline": {
        "en": "Practise a call with a simulated customer, then read what went well and what to try next.",
        "zh": "和模拟客户练一通电话,再看看哪里做得好、下次可以怎么说。",
    },
    "ui_language": {"en": "Language", "zh": "界面语言"},
    "tab_practice": {"en": "Practice", "zh": "练习"},
    "tab_personas": {"en": "Personas", "zh": "客户角色"},
    "tab_history": {"en": "History", "zh": "历史记录"},
    "tab_grade": {"en": "Grade a transcript", "zh": "评分通话记录"},
    # practice
    "persona": {"en": "Customer", "zh": "客户"},
    "start_call": {"en": "Start the call", "zh": "开始通话"},
    "end_call": {"en": "End the call", "zh": "结束通话"},
    "send": {"en": "Send", "zh": "发送"},
    "your_line": {"en": "Your line", "zh": "你的话"},
    "your_line_hint": {"en": "Type what you say to the customer, then Enter", "zh": "输入你要对客户说的话,按回车发送"},
    "chat": {"en": "Call", "zh": "通话"},
    "chat_empty": {"en": "Pick a customer and start the call.", "zh": "选好客户,开始通话。"},
    "show_live": {"en": "Show the live panel", "zh": "显示实时面板"},
    "live_title": {"en": "Live", "zh": "实时"},
    "milestones": {"en": "Milestones", "zh": "里程碑"},
    "mood": {"en": "Customer's mood", "zh": "客户情绪"},
    "brief": {"en": "Before the call", "zh": "通话前须知"},
    "difficulty": {"en": "Difficulty", "zh": "难度"},
    "direction": {"en": "Call", "zh": "呼叫类型"},
    "product": {"en": "Product", "zh": "产品"},
    "features": {"en": "Features", "zh": "特点 (F)"},
    "advantages": {"en": "Advantages", "zh": "优势 (A)"},
    "benefits": {"en": "Benefits", "zh": "利益 (B)"},
    "evidence": {"en": "Evidence", "zh": "证据 (E)"},
    "price": {"en": "Price", "zh": "价格"},
    "terms": {"en": "Terms", "zh": "条款"},
    "goal": {"en": "Call goal", "zh": "通话目标"},
    "goal_primary": {"en": "Primary", "zh": "首要目标"},
    "goal_fallback": {"en": "Fallback", "zh": "退而求其次"},
    "inbound_note": {"en": "The customer calls you and speaks first.", "zh": "客户打进来,先开口。"},
    "outbound_note": {"en": "You call the customer: open the call.", "zh": "你打给客户,由你开场。"},
    "call_id": {"en": "Call", "zh": "通话编号"},
    "call_started": {"en": "Call {id} started.", "zh": "通话 {id} 已开始。"},
    "call_resumed": {"en": "Call {id} resumed where it stopped.", "zh": "通话 {id} 已从中断处继续。"},
    "call_over": {"en": "Call over ({ended_by}): outcome {outcome}.", "zh": "通话结束({ended_by}):结果为{outcome}。"},
    "no_call": {"en": "Start a call first.", "zh": "请先开始通话。"},
    "no_turns": {
        "en": "The call ended before you said anything, so there is nothing to grade.",
        "zh": "还没说话通话就结束了,没有可评分的内容。",
    },
    "typing": {"en": "…", "zh": "……"},
    # outcomes, endings, moods, milestones
    "outcome_deal": {"en": "deal", "zh": "成交"},
    "outcome_intention": {"en": "intention", "zh": "有意向"},
    "outcome_follow_up": {"en": "follow-up", "zh": "待跟进"},
    "outcome_refusal": {"en": "refusal", "zh": "拒绝"},
    "outcome_in_progress": {"en": "in progress", "zh": "进行中"},
    "ended_trainee_ended": {"en": "you hung up", "zh": "你挂断了"},
    "ended_customer_hung_up": {"en": "the customer hung up", "zh": "客户挂断了"},
    "ended_turn_limit": {"en": "turn limit", "zh": "达到轮数上限"},
    "mood_warm": {"en": "warm", "zh": "热络"},
    "mood_open": {"en": "open", "zh": "愿意听"},
    "mood_guarded": {"en": "guarded", "zh": "有戒心"},
    "mood_irritated": {"en": "irritated", "zh": "不耐烦"},
    "milestone_need_with_motive": {"en": "Need with an urgent motive", "zh": "说出需求和紧迫动机"},
    "milestone_product_accepted": {"en": "Product and company accepted", "zh": "认可公司和产品"},
    "milestone_price_time_accepted": {"en": "Price and time accepted", "zh": "接受价格和时间"},
    "direction_inbound": {"en": "inbound", "zh": "呼入"},
    "direction_outbound": {"en": "outbound", "zh": "呼出"},
    "difficulty_easy": {"en": "easy", "zh": "简单"},
    "difficulty_normal": {"en": "normal", "zh": "普通"},
    "difficulty_hard": {"en": "hard", "zh": "困难"},
    # scorecard
    "scorecard": {"en": "Scorecard", "zh": "评分卡"},
    "coach": {"en": "Coach", "zh": "教练点评"},
    "score": {"en": "Score", "zh": "得分"},
    "outcome": {"en": "Outcome", "zh": "结果"},
    "none": {"en": "none", "zh": "无"},
    "part": {"en": "Part", "zh": "项目"},
    "weight": {"en": "Weight", "zh": "权重"},
    "points": {"en": "Points", "zh": "得分"},
    "part_spin": {"en": "SPIN questions", "zh": "SPIN 提问"},
    "part_fabe": {"en": "FABE presentation", "zh": "FABE 介绍"},
    "part_stages": {"en": "Thinking stages", "zh": "思维阶段"},
    "part_close": {"en": "Close", "zh": "收尾"},
    "part_talk": {"en": "Talk and questions", "zh": "说话比例与提问"},
    "stages_title": {"en": "Thinking stages: this call and the ideal", "zh": "思维阶段:本次通话与理想比例"},
    "stages_note": {
        "en": "Each circle's area is the stage's share of speaking time.",
        "zh": "圆的面积代表该阶段占说话时间的比例。",
    },
    "this_call": {"en": "This call", "zh": "本次通话"},
    "ideal_for": {"en": "Ideal for {direction} calls", "zh": "{direction}电话的理想比例"},
    "ideal_persona": {"en": "Ideal for this customer", "zh": "这位客户的理想比例"},
    "stage_cognitive": {"en": "cognitive", "zh": "认知"},
    "stage_divergent": {"en": "divergent", "zh": "发散"},
    "stage_convergent": {"en": "convergent", "zh": "收敛"},
    "spin_chart": {"en": "SPIN questions", "zh": "SPIN 提问次数"},
    "fabe_chart": {"en": "FABE statements", "zh": "FABE 陈述次数"},
    "count": {"en": "turns", "zh": "轮次"},
    "spin_situation": {"en": "situation", "zh": "背景"},
    "spin_problem": {"en": "problem", "zh": "难点"},
    "spin_implication": {"en": "implication", "zh": "暗示"},
    "spin_need_payoff": {"en": "need-payoff", "zh": "需求回报"},
    "fabe_feature": {"en": "feature", "zh": "特点"},
    "fabe_advantage": {"en": "advantage", "zh": "优势"},
    "fabe_benefit": {"en": "benefit", "zh": "利益"},
    "fabe_evidence": {"en": "evidence", "zh": "证据"},
    "close_summarize": {"en": "summarize", "zh": "总结"},
    "close_ask_commitment": {"en": "ask commitment", "zh": "请求承诺"},
    "close_next_step": {"en": "next step", "zh": "下一步"},
    "close_contact": {"en": "contact", "zh": "联系方式"},
    "findings": {"en": "Findings", "zh": "点评"},
    "strengths": {"en": "Done well", "zh": "做得好"},
    "misses": {"en": "To work on", "zh": "待改进"},
    "try_instead": {"en": "Try", "zh": "可以这样说"},
    "transcript": {"en": "Transcript", "zh": "通话记录"},
    "role_trainee": {"en": "You", "zh": "你"},
    "role_customer": {"en": "Customer", "zh": "客户"},
    "turn": {"en": "turn", "zh": "第"},
    "download_json": {"en": "Download JSON", "zh": "下载 JSON"},
    "download_md": {"en": "Download Markdown", "zh": "下载 Markdown"},
    "download_html": {"en": "Download HTML", "zh": "下载 HTML"},
    "talk_share": {
        "en": "You talked {share:.0%} of the time; {questions} questions.",
        "zh": "你说话占 {share:.0%},提问 {questions} 次。",
    },
    # personas
    "personas_intro": {
        "en": "Browse the customers, duplicate one and edit it in the form or as YAML. "
        "Saved personas go to your own folder; the built-in ones are never overwritten.",
        "zh": "浏览客户角色,复制一个后在表单或 YAML 里修改。保存的角色放在你自己的文件夹里,不会覆盖内置角色。",
    },
    "persona_list": {"en": "Personas", "zh": "客户角色列表"},
    "col_id": {"en": "id", "zh": "编号"},
    "col_language": {"en": "language", "zh": "语言"},
    "col_direction": {"en": "call", "zh": "类型"},
    "col_difficulty": {"en": "difficulty", "zh": "难度"},
    "col_title": {"en": "title", "zh": "标题"},
    "col_source": {"en": "source", "zh": "来源"},
    "source_builtin": {"en": "built-in", "zh": "内置"},
    "source_user": {"en": "yours", "zh": "自定义"},
    "open": {"en": "Open", "zh": "打开"},
    "duplicate": {"en": "Duplicate", "zh": "复制"},
    "validate": {"en": "Check", "zh": "检查"},
    "save": {"en": "Save to my personas", "zh": "保存到我的角色"},
    "yaml": {"en": "YAML", "zh": "YAML"},
    "form": {"en": "Form", "zh": "表单"},
    "valid": {"en": "Valid: {persona}.", "zh": "检查通过:{persona}。"},
    "saved": {"en": "Saved to {path}.", "zh": "已保存到 {path}。"},
    "problems": {"en": "Problems to fix", "zh": "需要修改的地方"},
    "pick_persona": {"en": "Pick a persona in the list first.", "zh": "请先在列表中选一个角色。"},
    "one_per_line": {"en": "one per line", "zh": "每行一条"},
    "f_id": {"en": "id", "zh": "编号 (id)"},
    "f_language": {"en": "language", "zh": "语言"},
    "f_direction": {"en": "direction", "zh": "呼叫类型"},
    "f_difficulty": {"en": "difficulty", "zh": "难度"},
    "f_title": {"en": "title", "zh": "标题"},
    "f_customer_name": {"en": "customer name", "zh": "客户称呼"},
    "f_customer_background": {"en": "background", "zh": "背景"},
    "f_customer_personality": {"en": "personality", "zh": "性格"},
    "f_product": {"en": "product", "zh": "产品"},
    "f_summary": {"en": "summary", "zh": "简介"},
    "f_price": {"en": "price", "zh": "价格"},
    "f_features": {"en": "features", "zh": "特点"},
    "f_advantages": {"en": "advantages", "zh": "优势"},
    "f_benefits": {"en": "benefits", "zh": "利益"},
    "f_evidence": {"en": "evidence", "zh": "证据"},
    "f_goal_primary": {"en": "primary goal", "zh": "首要目标"},
    "f_goal_fallback": {"en": "fallback goal", "zh": "备选目标"},
    "f_trust": {"en": "starting trust (0-100)", "zh": "初始信任 (0-100)"},
    "f_patience": {"en": "starting patience (0-100)", "zh": "初始耐心 (0-100)"},
    "f_opening_line": {"en": "opening line (inbound)", "zh": "开场白(呼入)"},
    "f_cognitive": {"en": "ideal cognitive share", "zh": "理想认知占比"},
    "f_divergent": {"en": "ideal divergent share", "zh": "理想发散占比"},
    "f_convergent": {"en": "ideal convergent share", "zh": "理想收敛占比"},
    "yaml_broken": {"en": "Fix the YAML first: {error}", "zh": "请先修正 YAML:{error}"},
    # history
    "history_intro": {
        "en": "Every call on this installation, newest first. Pick one to see its scorecard or carry on with it.",
        "zh": "本机上的所有通话,最新的在前。选一通查看评分卡,或继续未完成的通话。",
    },
    "refresh": {"en": "Refresh", "zh": "刷新"},
    "resume": {"en": "Resume this call", "zh": "继续这通电话"},
    "col_call": {"en": "call", "zh": "通话"},
    "col_persona": {"en": "customer", "zh": "客户"},
    "col_date": {"en": "date (UTC)", "zh": "日期 (UTC)"},
    "col_outcome": {"en": "outcome", "zh": "结果"},
    "col_score": {"en": "score", "zh": "得分"},
    "pick_call": {"en": "Pick a call in the table.", "zh": "请在表格中选一通电话。"},
    "call_unfinished": {
        "en": "Call {id} is not finished: resume it to carry on.",
        "zh": "通话 {id} 还没结束,可以继续。",
    },
    # grade
    "grade_intro": {
        "en": "Upload a transcript (JSON, or JSON Lines with one call per line, as `salesim grade` reads) "
        "to see its scorecard.",
        "zh": "上传通话记录(JSON,或每行一通电话的 JSON Lines,与 `salesim grade` 相同)查看评分卡。",
    },
    "transcript_file": {"en": "Transcript file", "zh": "通话记录文件"},
    "which_call": {"en": "Transcript in the file", "zh": "文件中的通话"},
    "graded": {"en": "Graded {count} transcript(s).", "zh": "已评分 {count} 通。"},
    "errors": {"en": "Could not read", "zh": "无法读取"},
}

FINDINGS_ZH = {
    "used_situation": "问了背景问题。",
    "used_problem": "问了难点问题。",
    "used_implication": "问了暗示(影响)问题。",
    "used_need_payoff": "问了需求回报问题。",
    "no_situation": "整通电话没有背景问题。",
    "no_problem": "整通电话没有难点问题。",
    "no_implication": "整通电话没有暗示(影响)问题。",
    "no_need_payoff": "整通电话没有需求回报问题。",
    "spin_order": "SPIN 提问顺序乱了:{order}。",
    "no_feature": "没有介绍产品的特点。",
    "no_advantage": "没有介绍产品的优势。",
    "no_evidence": "没有给出证据。",
    "benefit_tied": "把利益和客户说出的需求联系起来了。",
    "benefit_untied": "讲的利益没有对上客户说出的需求。",
    "no_benefit": "没有讲利益:客户没听到自己能得到什么。",
    "close_summarize": "收尾:做了总结确认。",
    "close_ask_commitment": "收尾:请求了客户的决定。",
    "close_next_step": "收尾:约定了具体的下一步。",
    "close_contact": "收尾:留下了联系方式。",
    "no_summary": "收尾:没有总结确认。",
    "no_commitment": "收尾:没有请求客户做决定。",
    "vague_next_step": "下一步没有具体的日期和时间。",
    "no_contact": "没有留下联系方式。",
    "no_goal": "没有目标:没有请求决定,也没有约下一步。",
    "initiative_lost": "失去主动:客户问的问题比你多。",
    "auto_informer": "变成了“自动应答机”:连续几次只回答,不反问。",
    "no_contacts": "没有留下联系方式。",
    "no_information": "没有收集信息:没问背景或难点问题。",
    "price_too_early": "还没了解需求就报了价。",
    "weak_objection_handling": "有异议没有用证据、利益或提问来回应。",
    "talk_too_much": "你说话占了 {share:.0%} 的时间(优秀销售约 43%)。",
    "too_few_questions": "只问了 {questions} 个问题(探询型电话一般 11-14 个)。",
    "stage_balance": "三个思维阶段的时间分配离这类电话的理想比例太远(差距 {distance:.2f})。",
}


def t(key: str, lang: str, **values: object) -> str:
    """The UI text for `key` in `lang` (English when the language is unknown), with `{name}` filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def ui_lang(lang: str | None) -> str:
    """A supported UI language: the one given, or English."""
    return lang if lang in LANGUAGES else "en"


class Labels:
    """Components whose words follow the UI language: each with its text key and the property that shows it."""

    def __init__(self) -> None:
        self.entries: list[tuple[object, str, str]] = []

    def add(self, component: T, key: str, prop: str = "label") -> T:
        self.entries.append((component, key, prop))
        return component

    @property
    def components(self) -> list:
        return [component for component, _, _ in self.entries]

    def updates(self, lang: str) -> list[dict]:
        """One Gradio update per component, in the order of `components`."""
        return [{"__type__": "update", prop: t(key, lang)} for _, key, prop in self.entries]
