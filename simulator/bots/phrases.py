"""What the trainee bots say, per language: generic templates filled from the fact sheet and the customer's words.

Placeholders: {product}, {price}, {name} (the customer's, or "sir/madam"), {echo} (a phrase the customer said),
{feature}, {advantage}, {benefit}, {evidence}, {term}, {summary}, {step} (the next step from the call goal),
{when} (a concrete time). Several variants per move: the run number picks one, so repeated runs differ.
"""

from __future__ import annotations

GOOD: dict[str, dict[str, list[str]]] = {
    "en": {
        "open_inbound": [
            "Good afternoon, {product}, this is Alex speaking. Thanks for calling. Who am I speaking with?",
            "Hello, {product} here, my name is Sam. Thank you for calling. May I have your name?",
        ],
        "open_outbound": [
            "Good afternoon, am I speaking to {name}? This is Alex calling from {product}. "
            "Is now a good time for a few questions?",
            "Hello, is this {name}? My name is Sam, I'm calling from {product}. Have you got a couple of minutes?",
        ],
        "price_range": [
            "Of course. It's usually {price}. So I can tell you exactly, may I ask a few questions? {question}",
        ],
        "situation": [
            "Tell me about your situation at the moment: what do you use now, and how satisfied are you with it?",
            "How much do you spend on it now, per month or per year, and how many people use it?",
            "Who else is involved, and how long have you had the current setup?",
            "How do you handle it day to day, and how often does it come up?",
        ],
        "problem": [
            "What's the biggest problem or the hardest part at the moment, and what would you improve?",
            "Where does the service fall short for you, and what isn't good enough?",
            "What bothers you most about it now, and why?",
            "What problems have you had with what you have now?",
        ],
        "implication": [
            'When you say "{echo}", how does that affect you, and what happens if it stays as it is?',
            'You mentioned "{echo}": if that carries on, what will it mean for you, and when do you need it sorted by?',
            'When you say "{echo}", what does that cost you, and who else does it affect?',
        ],
        "implication_plain": [
            "If things stay as they are, how will that affect you, and when do you need it sorted by?",
        ],
        "need_payoff": [
            "If we could sort that out for you, how much would it help, and what would it be worth to you?",
            "What would it mean for you if that were solved in time, and would saving that time and money help?",
        ],
        "summary": [
            "So, if I've understood you: {summary}. Is that right?",
            "Let me check I've got it right: {summary}. Correct?",
        ],
        "present": [
            "Here's what fits: {feature}. {advantage}. You told me {echo}. For you, that means {benefit_lc}",
            "Based on what you said, {feature_lc}. {advantage}. You told me {echo}. For you, that means {benefit_lc}",
        ],
        "evidence": ["{evidence}, and {evidence2}"],
        "price": ["{price_sentence}. {term}"],
        "close": [
            "Shall I go ahead and {step} {when}?",
            "Would you like me to go ahead and {step} {when}?",
        ],
        "contact": [
            "Which phone number and address should we use?",
            "What's the best number to reach you on, and the address?",
        ],
        "confirm_yes": [
            "Great, then I'll {step} {when}. Which phone number and address should we use?",
            "Wonderful, I'll {step} {when}. What's the best number to reach you on, and the address?",
        ],
        "secure_later": [
            "Of course. I'll call you {when}, so you can decide with everything in front of you. "
            "Which number is best to reach you on?",
        ],
        "goodbye": ["Thank you{comma_name}, goodbye.", "Thanks for your time{comma_name}, goodbye."],
        "objection_price": [
            "I understand, it's real money. Compared with a cheaper offer, {feature_lc}. "
            "{evidence}, and {evidence2_lc}. {term} You told me {echo}. For you, that means {benefit_lc}",
        ],
        "objection_discount": [
            "Good question. {term} {feature}. Shall we look at it together {when}?",
        ],
        "objection_trust": [
            "That's a fair point. {evidence}, and {evidence2_lc}. {advantage}.",
        ],
        "objection_time": [
            "I'll be quick. So far you've told me {summary}, right? If we could sort that out, how much would it help?",
        ],
        "objection_time_early": [
            "I'll be quick. Many of our customers find that {plain_benefit_lc}. "
            "If that were true for you, would it help?",
        ],
        "objection_defer": [
            "I understand. Just to make sure I have it right: {summary}. For you, that means {benefit_lc} "
            "Why don't we {step} {when}?",
        ],
        "objection_authority": [
            "That makes sense. So what you need is this: {summary}. For you, that means {benefit_lc} "
            "Why don't we {step} {when}, when they can be there too?",
        ],
        "objection_again": [
            "Fair enough, let me understand it first: what exactly are you comparing it with, "
            "and what matters most to you?",
            "Let me answer that properly. {evidence}, and {evidence2_lc}. {term} For you, that means {benefit_lc}",
        ],
        "daytime": ["on Thursday at 10", "tomorrow at 10 am", "on Saturday at 11"],
        "callback": ["tomorrow at 7 pm", "on Friday at 10 am"],
        "sir": ["there"],
    },
    "zh": {
        "open_inbound": [
            "您好,这里是{product}订购热线,我是3号顾问小李,感谢您的来电。请问您怎么称呼?",
            "您好,{product}客服中心,我是小王,谢谢您打来电话。请问您贵姓?",
        ],
        "open_outbound": [
            "您好,请问是{name}吗?我是{product}的顾问小李。现在方便占用您两分钟问几个问题吗?",
            "您好,是{name}吧?我是{product}的小王。请问您现在方便说话吗?",
        ],
        "price_range": ["好的。一般是{price}。为了给您算准一点,我问您几个问题可以吗?{question}"],
        "situation": [
            "方便说说您目前的情况吗?现在用的是什么?用得满不满意?",
            "您现在这方面一个月或者一年大概花多少钱?平时有几个人用?",
            "这件事还有谁参与?现在的安排用了多久了?",
            "平时一般是怎么处理的?多久会遇到一次?",
        ],
        "problem": [
            "目前最头疼、最难的问题是什么?哪些地方不太满意,最想改进?",
            "服务上有哪些不足?哪些地方让您觉得不够好?",
            "现在最困扰您的是什么?为什么?",
            "现在用的这个,遇到过什么问题吗?",
        ],
        "implication": [
            "您刚才说“{echo}”,这会对您有什么影响?一直这样下去会怎么样?",
            "您提到“{echo}”,如果一直解决不了,接下来会有什么影响?您最晚什么时候要解决?",
            "您说“{echo}”,这给您造成了多大的损失?还影响到谁?",
        ],
        "implication_plain": ["如果一直这样下去,会对您有什么影响?最晚什么时候要解决?"],
        "need_payoff": [
            "如果能把这个问题解决了,对您帮助大吗?值不值得?",
            "要是能及时解决,对您意味着什么?能省下时间和钱的话,会有帮助吗?",
        ],
        "summary": [
            "我确认一下:{summary},对吗?",
            "也就是说,{summary},我理解得对吗?",
        ],
        "present": [
            "根据您说的情况,{feature}。{advantage}。您刚才说{echo}。对您来说,{benefit}",
        ],
        "evidence": ["{evidence};{evidence2}。"],
        "price": ["价格是{price}。{term}", "费用是{price}。{term}"],
        "close": ["那我现在就帮您{step},{when},可以吗?", "那我帮您安排{step},{when},您看可以吗?"],
        "contact": ["方便留一下您的手机号码和地址吗?", "请问您的联系电话和地址是?"],
        "confirm_yes": ["好的,那我就帮您{step},{when}。方便留一下您的手机号码和地址吗?"],
        "secure_later": ["没问题。那我{when}再给您打电话,您方便留一下手机号码吗?"],
        "goodbye": ["谢谢{name},再见!", "感谢您的时间,再见!"],
        "objection_price": [
            "我理解,这确实不是小数目。跟便宜的比,{feature};{evidence};{evidence2}。{term}您刚才说{echo}。对您来说,{benefit}",
        ],
        "objection_discount": ["{term}{feature}。要不{when}我们一起把方案定下来?"],
        "objection_trust": ["您问得很对。{evidence};{evidence2}。{advantage}。"],
        "objection_time": ["我长话短说。您刚才提到{summary},对吧?如果能解决这个问题,对您帮助大吗?"],
        "objection_time_early": ["我长话短说。很多客户发现,{plain_benefit_lc}。如果对您也是这样,会有帮助吗?"],
        "objection_defer": ["我理解。我确认一下:{summary}。对您来说,{benefit}要不{when}我们先{step}?"],
        "objection_authority": ["可以理解。也就是说,{summary}。对您来说,{benefit}要不{when}我们{step},请他们一起参加?"],
        "objection_again": [
            "您说得对,我先弄清楚:您具体是拿什么跟我们比?对您来说最看重的是什么?",
            "我正面回答您:{evidence};{evidence2}。{term}{benefit}",
        ],
        "daytime": ["周四上午10点", "明天上午10点", "周六上午11点"],
        "callback": ["明天晚上7点", "周五上午10点"],
        "sir": ["您"],
    },
}

# The next step a call goal asks for, by the words it uses (first match wins). The bot reads the public goal.
STEPS: dict[str, list[tuple[tuple[str, ...], str]]] = {
    "en": [
        (("measure", "measurement"), "book the free measurement visit"),
        (("visit",), "book the visit"),
        (("meeting", "demo", "presentation"), "set up the meeting"),
        (("deposit", "contract"), "send the contract for the deposit"),
        (("install",), "book the installation"),
        (("technician", "booked", "appointment"), "book the technician"),
        (("activate", "card", "membership"), "activate it"),
        (("bottle", "sample", "trial"), "send it out"),
        (("order", "deliver", "delivery"), "place the order with delivery"),
    ],
    "zh": [
        (("测量", "量房", "量尺"), "安排师傅免费上门测量"),
        (("上门", "拜访"), "安排上门"),
        (("会议", "见面", "演示"), "约好见面"),
        (("定金", "合同"), "把合同发过去,先付定金"),
        (("安装",), "预约安装"),
        (("技术员", "工程师", "师傅", "预约"), "安排师傅上门"),
        (("开通", "激活", "会员", "卡"), "开通"),
        (("试用", "赠送", "样品", "一瓶"), "寄出去"),
        (("订单", "下单", "送货", "收货", "订购"), "下单并安排送货"),
    ],
}
DEFAULT_STEP = {"en": "set it up for you", "zh": "办好"}

WEAK: dict[str, list[str]] = {
    "en": [
        "Hello, this is {product}. It costs {price}.",
        "{features}. Shall I place the order for you?",
        "{advantages}. {evidence}.",
        "{terms}. It really is a great product. Shall I place the order for you now?",
        "Can I have your phone number and address for the order?",
        "Do you have any other questions?",
        "OK, thank you for your time, goodbye.",
    ],
    "zh": [
        "您好,我是{product}的小张。价格是{price}。",
        "{features}。我现在就帮您下单吧?",
        "{advantages}。{evidence}。",
        "{terms}。这个产品真的很好,我现在就帮您下单吧?",
        "方便留一下您的电话和地址吗?我给您下单。",
        "您还有什么问题吗?",
        "好的,感谢您的时间,再见!",
    ],
}

# Lines 2 and 3 of the weak bot on odd runs: the same dump, advantages first.
WEAK_ALTERNATE: dict[str, list[str]] = {
    "en": ["{advantages}. Shall I place the order for you?", "{features}. {evidence}."],
    "zh": ["{advantages}。我现在就帮您下单吧?", "{features}。{evidence}。"],
}

RUDE: dict[str, list[str]] = {
    "en": [
        "Yeah, {product}. Listen to me, just buy it.",
        "I don't care about that. Buy it or don't, just don't waste my time.",
        "Whatever. Hurry up and decide now.",
        "Just sign, it's not complicated.",
        "Listen to me. Just buy it.",
    ],
    "zh": [
        "喂,{product}。听我说就行,赶紧买吧。",
        "我不管那些。爱买不买,别浪费我的时间。",
        "随便你。快点决定!",
        "别磨蹭了,赶紧下单!",
        "听我说就行,赶紧买!",
    ],
}
