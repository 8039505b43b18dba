"""English cue patterns for the turn labeler. Text arrives normalised (lower case, ASCII punctuation)."""

from __future__ import annotations

import re

from graders.patterns import alternation

_rx = alternation


WH = r"what|what's|whats|how|how's|which|who|whom|whose|when|where|why"
AUX = (
    r"do|does|did|is|are|was|were|can|could|would|will|have|has|had|may|might|shall|should|am|"
    r"isn't|aren't|don't|doesn't|didn't|won't|wouldn't|couldn't|haven't|hasn't"
)
YOU = r"you|your|you're|you've|you'd|yours|he|she|they|his|her|their|him|them"

_LEAD = (
    r"so|and|but|ok|okay|well|now|also|then|right|alright|sure|roughly|approximately|honestly|just|quickly|and roughly"
)
QUESTION_START = re.compile(rf"^(?:(?:{_LEAD}),?\s+)*(?:{WH}|{AUX})\b")
# A later comma segment is a question only with interrogative structure: "which is plenty" is a relative
# clause, "which one do you use" and "how much would that help" are questions.
_SUBJECT = r"(?:you|he|she|they|it|that|this|there|we|i|your|his|her|their|the|a|an|anything|anyone|someone)"
QUESTION_SEGMENT = re.compile(
    rf"^(?:(?:so|and|but|ok|okay|well|now|also|then|right|alright|sure|um|uh),?\s+)*(?:"
    rf"(?:what|which|who|where|why|how)(?:'s)?\s+(?:\w+\s+){{0,3}}?(?:{AUX}|didn't|wouldn't|won't)\s+{_SUBJECT}\b"
    rf"|how (?:much|many|long|often|old|far|big|soon|come)\b|what (?:about|if|else|kind|sort|type)\b"
    rf"|(?:{AUX}) {_SUBJECT}\b)"
)
# After a full stop only word order tells a question: "have you got a minute." asks, "have a lovely evening." does not.
_PRONOUN = r"(?:you|he|she|they|it|that|this|there|we|i|your|his|her|their|anyone|anything)"
QUESTION_INVERTED = re.compile(
    rf"^(?:(?:{_LEAD}),?\s+)*(?:(?:what|which|who|where|why|how|when)(?:'s)?\s+(?:\w+\s+){{0,3}}?(?:{AUX})\s+{_PRONOUN}\b"
    rf"|(?:{AUX}) {_PRONOUN}\b|how (?:much|many|long|often|old|far|big|soon)\b)"
)
INDIRECT_QUESTION = _rx(
    r"\b(?:tell|show|walk|talk|take) me (?:about|through|how|what|more|a bit|a little|why|which|when|where|if)",
    r"\b(?:tell me)\b",
    r"\b(?:can|could|may|might) i ask\b",
    r"\blet me ask\b",
    r"\bi(?:'d| would) (?:like|love) to (?:know|hear|understand|ask|learn|find out)",
    r"\bi (?:want|need|wanted) to (?:know|understand|ask|find out|check)\b",
    r"\b(?:i'm|i am|i was|just) (?:wondering|curious)\b",
    r"\bwondering (?:if|whether|how|what|why)\b",
    r"\b(?:do|would) you mind (?:telling|sharing|explaining|if i ask|me asking)",
    r"\bhelp me understand\b",
    r"\b(?:share|describe|explain)\b.*\b(?:with me|to me|your|how|what)\b",
    r"\bfill me in\b|^(?:\w+,? ){0,2}remind me (?:how|what|which|when|where|who|if|whether)\b",
    r"\bgive me (?:an idea|a sense|a feel|a rough idea)\b",
    r"\blet me know (?:what|how|which|when|whether|if|who)\b",
)
TAG_QUESTION = re.compile(
    r"(?:,|\s)(?:right|correct|yes|yeah|no|ok|okay|isn't it|aren't you|don't you|is that right|is that correct)\s*\?*$"
)

# --- SPIN -------------------------------------------------------------------------------------------------
# Choosing between offers or slots ("which way round would suit you better?"): convergent, no SPIN question.
CHOICE = re.compile(
    r"\bwhich (?:one |day |time |slot )?(?:suits|works for|would suit|is better for|is easier for) you(?: better| best| more)?\W*$|\bwhich (?:one|day|time|slot|date)? ?(?:is|would be) (?:more |most )?(?:convenient|good|best|easier) for you\b|\bwhich (?:way|one) are you leaning\b|\bleaning towards\b|"
    r"\bwould it help if (?:i|we)\b|\bwould you like me to\b|"
    r"\bwhich (?:is|would be|one is|one's|works|suits|would work|would suit)(?: (?:better|best|easier|more convenient))?(?: for (?:you|your \w+))?\W*$"
    r"|\bwould (?:that|either|those|one of those) (?:suit|work)\b|^(?:so,? |well,? )?why (?:don't|not) (?:you|we|i)\b|"
    r"\bwhich (?:\w+ ){0,3}(?:would|will|does|do|might) (?:suit|work for|fit|work better for) (?:you|your \w+)\b"
    r"|\bwhich (?:one|option|way|of (?:these|those|the two)|package|plan|bundle|tier|version)\b.*\b(?:suit|prefer|better|best|go for)\b"
    r"|\bwould you (?:prefer|rather)\b"
)
# Manners: names, is now a good time, can you hear me. A turn of these asks nothing and presents nothing.
ETIQUETTE = _rx(
    r"^(?:hi,? |hello,? |good (?:morning|afternoon|evening),? )?(?:is (?:this|that)|am i (?:speaking|talking) (?:to|with)|are you) (?!(?:right|correct|ok|okay|fair|true|all|it|so|clear|enough|there|sure|the (?:picture|gist|situation))\b)\w+(?: \w+)?\W*$",
    r"\bam i (?:speaking|talking) (?:to|with)\b|^how about (?:this|that|we)\b|\bis it (?:ok|okay|alright|all right) if i\b",
    r"^(?:hello,? |hi,? |good (?:morning|afternoon|evening),? )?(?:is (?:this|that|it)|am i speaking to|am i talking to|are you) (?:mr|mrs|ms|miss|dr|the (?:office manager|owner|person|manager|director|account holder|homeowner))\b",
    r"\b(?:is|are) (?:now|this|it) (?:a |an )?(?:good|ok|okay|convenient|bad) (?:time|moment)\b|\bfor a few (?:quick )?questions\b",
    r"\b(?:have|got) you got (?:a|a few|two|five|ten|\d+) (?:minutes?|moments?|secs?)\b|\bhave you got (?:a|a few|two|five|ten|\d+) (?:minutes?|moments?)\b|\bshould i (?:call|ring|try) (?:you )?(?:back|later)\b|\bor shall i try you\b",
    r"\b(?:your|ur) (?:name|surname|full name)\b",
    r"\bhow(?:'re| are| you|'s| is)? (?:you |ya |it )?(?:doing|keeping|going)(?: today| this (?:morning|afternoon|evening))?\W*$|\bhow are you(?: today)?\W*$",
    r"\bhow's your (?:morning|afternoon|evening|day|week)(?: going| been)?\W*$|\b(?:you|are you) alright(?: for a (?:quick )?(?:chat|minute|word))?\W*$|\bdid you (?:get|have|manage) (?:a chance )?to (?:have a )?(?:look|read|go through|check)\b",
    r"\bdo you have (?:a|a few|two|five) (?:minutes?|moments?|secs?|seconds?)\b|\bcatch you (?:at a bad time|in the middle)\b|^(?:hiya|hey|hi|hello),? (?:is (?:that|this)|are you) the (?:owner|manager|boss)\b",
    r"\bwho (?:am i|i'm) (?:speaking|talking) (?:to|with)\b",
    r"\bhow (?:should|shall|can|may) i (?:address|call) you\b",
    r"\bwhat (?:should|shall|can|may) i call you\b",
    r"\b(?:good|bad|convenient|right|ok|okay) (?:time|moment)\b",
    r"\bdo you have (?:a|a few|two|five|a couple of) (?:minutes?|moments?|seconds?)\b",
    r"\b(?:got|have) a (?:minute|moment|sec)\b",
    r"\b(?:can|could) you hear me\b",
    r"\bare you (?:still )?there\b",
    r"\bhow are you(?: doing| keeping| today)?\W*$|\bhow are you (?:doing|keeping) today\b|\bhow's your day\b|\bhow is your day\b|\bhow have you been\b",
    r"^(?:no|yes|yeah|right|ok|okay|really|sorry|pardon|hello|hi)\W*$",
    r"\bany (?:other |more |further )?questions\b|\banything else (?:i|we) (?:can|could) (?:do|help)|\banything else(?: for (?:you|today))?\W*$",
    r"\bpleasure of speaking\b|\bwho(?:'s| is) (?:calling|this)\b|\bwho have i got\b|\bhow (?:can|may|could) i help\b|\bwhat can i do for you\b|\b(?:may|can|could) i (?:speak|talk) (?:to|with)\b",
    r"\bdid you (?:get|receive|see) (?:my|our|the) (?:email|message|letter|brochure|catalogue|catalog|text)\b",
)
# Questions of no SPIN kind: manners, and checks that the trainee understood or that an offer fits.
NOT_SPIN_QUESTION = _rx(
    ETIQUETTE.pattern,
    # "I'll give you a call back Friday, okay?": a proposal with an agreement tag asks nothing about them
    r"^(?:\w+,? ){0,3}(?:i'll|i will|we'll|we will|let me|i can|i'm going to)\b.*\b(?:okay|ok|alright|all right|yeah)\W*$",
    r"\b(?:is that|is this|was that) fair\b|\bfair\?$|\bdid i get that right\b|\bhave i got that\b|\bis that the kind of thing\b|\bdoes that sound like\b",
)
NEED_PAYOFF = _rx(
    r"\bgive (?:you |\w+ )?(?:back|time back)\b|\bwould help (?:you|him|her|them)(?: a lot)?, right\b",
    r"\bhow much (?:stress|time|money|hassle|worry|effort|work) would (?:that|it|this) (?:take off|save|free up|spare)\b|\bwhat would (?:that|it|this) (?:do for|open up|free up|let you|give you)\b|\bwhat would you (?:and \w+ )?do with\b",
    r"\bhow much would (?:it|that|this) (?:\w+ ){0,2}(?:mean|matter|help|be worth|change)\b|\bwould (?:it|that|this) give you\b|\bwhat would (?:that|it|this) let (?:you|him|her|them)\b",
    r"\bwouldn't it be (?:nice|great|good|easier|better|a relief)\b|\bwould (?:a|an|the) (?:\w+,? ){0,3}\w+ help (?:you|him|her|them)\b",
    r"\bwould (?:not having|having|a \w+(?: \w+)?) (?:\w+ ){0,6}(?:help|be worth|make|give|matter|save)\b|\bhow would it feel\b|\bwhere would you put\b",
    r"\bhow much (?:of a |more |calmer|easier|better|happier|less|difference)\b.*\bwould\b|\bhow much (?:calmer|easier|better|happier)\b",
    r"\bwould (?:it|that|this) (?:\w+ ){0,2}matter\b|\bwould (?:having|getting|being able)\b|\bdo you think (?:he|she|they|you)(?:'d| would)\b",
    r"\bwhat would it (?:be worth|mean|do)\b|\bwould (?:he|she|they|you)(?:'d)? (?:feel|be happier|be more|open up|enjoy|use it)\b",
    r"\bwould (?:that|it|this|having that|a \w+) have (?:saved|helped|made)\b",
    r"\bwould (?:it|that|this|something like that|having|being able|a \w+) (?:\w+ ){0,3}(?:help|make (?:a|any) difference|be (?:useful|helpful|valuable|worth|of interest|interesting|important|a relief|easier|better|good))",
    r"\bhow (?:much|far) would (?:it|that|this) (?:help|matter|change|improve|save)",
    r"\bhow (?:useful|helpful|valuable|important|much easier|much better|nice|great) would\b",
    r"\bwhat would (?:it|that|this) (?:mean|be worth|do|change)\b",
    r"\bwhat would (?:you|your \w+) (?:gain|save|do with)",
    r"\bhow would (?:it|that|this) (?:help|change|make|feel)\b",
    r"\bwould you (?:be (?:interested|open|keen)|consider|welcome|like to (?:save|have|be able|get|see|cut|avoid|stop))",
    r"\bif (?:you|we|he|she|they|it|your \w+|there) (?:could|were able|was able|had|were to|got|can|did) .*\b(?:would|will|could|how|what|is that|isn't that)\b",
    r"\bif (?:you|he|she|they) (?:could|were able to) .*",
    r"\bwhat if (?:you|he|she|they|we|it) could\b",
    r"\b(?:is|would) (?:it|that) (?:be )?(?:worth|valuable|important|useful)\b",
    r"\bhow (?:important|valuable) is (?:it|that)\b",
    r"\bwhat (?:difference|benefit|value)\b.*\b(?:would|could|make)\b",
    r"\bworth (?:a look|looking at|considering|it)\b",
)
IMPLICATION = _rx(
    r"\bhow would (?:that|it|this) sit with\b|\bhow would you feel if (?:\w+ ){0,6}(?:still|never|didn't|don't|couldn't|lost|missed|kept)\b|\bwhat did that do to\b|\bwhat does that do to\b|\bhas it (?:pushed|cost|made|changed|affected)\b",
    r"\bwho else (?:is|gets|would be|will be|has to|needs to|feels) (?:affected|hit|dragged|involved|pulled|stuck|impacted)\b|\bgoing to look\b|\bever reach(?:es)?\b|\bdoes (?:it|that) leave\b|\bputting on\b|\bcosting\b|\bhow would (?:the|your) \w+ (?:manage|cope|pay|get by)\b",
    r"\bhow (?:bad|serious) does it get\b|\bwhat(?:'s| is) that (?:costing|doing)\b|\bcome back to bite\b|\bknock(?:s|ing)? (?:on|your|his|her)\b",
    r"\bend(?:ed)? up\b|\badd(?:s)? up to\b|\bhow did (?:they|the \w+|your \w+|he|she) take it\b|\bwhat did (?:that|it|this) mean\b",
    r"\b(?:spill|spilling|knock|knocking|hit|hits|hitting|eat|eats|eating) (?:over|into|his|her|their|your|the)\b|\bdoes it (?:hit|spill|knock|hurt|stop)",
    r"\baffecting\b|\bmeans? (?:for|on) (?:you|your|the|his|her|those)\b|\bknock-on\b|\bwhat (?:does|did) (?:that|it) (?:do to|mean on)",
    r"\baffect|\bimpact|\bconsequence|\bknock-on\b|\bramification",
    r"\bwhat (?:happens|would happen|will happen|happened) (?:if|when|to)\b|\bwhat (?:will|would) happen\W*$|\bwhen (?:it|that|this) (?:does )?(?:runs? out|happens|goes wrong), what\b",
    r"\bhow much is (?:that|a|one|each|the|this) (?:\w+ ){1,2}worth\b|\bwhat's (?:one|a|that|each) (?:\w+ ){1,2}worth to (?:you|them|the business)\b|\bhow does (?:your|his|her|their) \w+ feel about\b",
    r"\bhow much of (?:your|the|his|her|their) (?:week|day|time|month|year|budget|evenings?)\b|\b(?:eat|eats|eating) up\b|\bswallow|\bwho (?:notices|feels it|gets hit|suffers)\b|\bhow long would (?:\w+ ){1,4}last\b|\b(?:doesn't|don't|won't|never) come back\b",
    r"\bwhat (?:does|did|would|will) (?:that|this|it) (?:mean for|cost|do to|lead to)\b",
    r"\bhow would (?:\w+ ){1,3}(?:manage|cope|get by|get on)\b|\bwhat (?:do you think )?happens (?:then|next)\b|\bwhat would you (?:realistically |actually )?do(?:\W*$| then| about)|\bhow (?:is|are|'s) (?:\w+ ){0,2}(?:gonna|going to) feel\b|\bdoes (?:it|that) mean\b|\bland with\b|\bharder to\b|\bwhat gives\b",
    r"\bpush(?:es|ed|ing)? (?:back|out)\b|\bhurt(?:s|ing)?\b|\b(?:sending|driving|pushing) (?:people|customers|staff|clients|guests)\b|\bmake (?:you|them|him|her|people) (?:less|more) likely\b",
    r"\blead(?:s|ing)? to\b|\bresult(?:s|ing)? in\b|\bcaus(?:e|es|ing) (?:you|your|any|problems?|delays?|trouble)",
    r"\bcost(?:s|ing)? (?:you|your|the (?:company|business|team|family))\b",
    r"\bhow much (?:time|money|business|revenue|sleep) (?:do|does|did|are|is|would|will) (?:you|your|it|that|they)\b.*\b(?:lose|waste|cost|spend)",
    r"\b(?:lose|losing|lost|waste|wasting|wasted) (?:money|business|clients|customers|sales|time|hours|days|the job|jobs|out|sleep|deals|orders|revenue)\b",
    r"\bif (?:this|that|it|things|he|she|his|her|the \w+) (?:stays?|continues?|keeps?|carries on|goes on|doesn't|don't|isn't|aren't|never|remains?)\b",
    r"\bif (?:nothing|it) (?:changes|is not fixed|isn't fixed)\b",
    r"\b(?:fall(?:ing)? behind|worse|risk|jeopardi[sz]e|miss(?:ing)? out|hold(?:s|ing)? (?:you|him|her|them) back)\b",
    r"\bin the long (?:run|term)\b.*\b(?:mean|cost|affect)",
    r"\bmean for (?:you|your|the|his|her|their)\b",
    r"\bhow (?:does|do|did|would|will|might|could|is) (?:that|this|it) (?:\w+ ){0,2}(?:affect|hurt|hit|slow|limit|change)",
    r"\bwho else (?:is|gets|would be) (?:affected|involved|hit)\b",
)
PROBLEM = _rx(
    r"\b(?:didn't|did not|doesn't|does not|don't|isn't|wasn't|won't|hasn't|haven't) (?:really |quite |actually )?(?:go|work|help|come|fit|suit|deliver|live up|turn out)\b|\bgetting in the way\b|\bwhat(?:'s| is) holding (?:you|him|her|them) back\b|\bany (?:issues|trouble|complaints|problems|hiccups|niggles)\b",
    r"\bfeel(?:s)? off\b|\bwrong with\b|\banything wrong\b|\bcatching up with\b|\btired|\bexhaust|\bflagging\b|\bstuck\b|\bconfus|\bcostly\b|\bexpensive\b|\bhassle\b|\bone-off\b|\bhard to\b",
    r"\bgrief\b|\bworst\b|\bgoes wrong|\bdone better\b|\bworse\b|\bdrain",
    r"\bis (?:it|that|this|he|she) (?:\w+ )?(?:working|helping|enough)\b|\blose(?:s)? interest|\bshy|\bclam|\bsore\b|\bbugg?ing|\bdrop(?:s|ping)? out|\bdrop-outs?\b|\bcut(?:s|ting)? out|\bcrawl",
    r"\bhow bad\b|\bhate\b|\bdislike|\bfed up|\bunreliable|\bslow\b|\bnois|\bdraught|\bdraft|\bcondensation|\bmould|\bmold\b|\bleak|\bdamp\b|\bcold\b|\bbroken|\bfail",
    r"\bdoes (?:he|she|it|that|anything|the \w+) (?:\w+ )?(?:stop|stall|freeze|forget|miss|fall)",
    r"\bproblem|\bdifficult|\bchalleng|\bissue|\bworr(?:y|ies|ied)|\bconcern|\bdissatisf|\bunhappy|\bfrustrat",
    r"\bnot (?:working|happy|satisfied|great|ideal|enough|good enough)|\bdoesn't work|\bdon't work|\bisn't working",
    r"\bcould be better|\bimprove|\bimprovement|\bstruggl|\bheadache|\bcomplain|\btrouble|\bpain\b|\bpain point|\bannoy",
    r"\bsatisf(?:ied|action|y)\b",
    r"\bhardest|\btough|\bbother|\bgo(?:es)? wrong|\bwent wrong|\bdownside|\bdrawback|\bweak(?:ness|est)?\b|\bfalls? short",
    r"\bwhat would you (?:like to |want to )?change\b|\bwish (?:it|they|you|he|she) (?:could|would|had|were)",
    r"\blet(?:s|ting)? you down|\bkeeps? you (?:up|awake)|\bslow(?:s|ing)? (?:you|things) down|\bdelays?\b|\blate\b|\bbreak(?:s|ing)? down",
    r"\bwhat (?:do(?:n't)? you|don't you) (?:like|love) about\b|\bleast (?:happy|satisfied)\b",
    # how well the present way works: asked to find what doesn't
    r"\bwhat (?:made|prompted|led) you to\b|\bwhat (?:made|makes) you (?:cancel|leave|switch|stop|change|look|call|decide|want)\b|\bwhat prompted\b",
    r"\bhow(?: are| is| has| have|'s) (?:\w+ ){0,2}(?:coping|managing|getting on)\b|\bdidn't stick\b|\bkeep up\b|\bhow do you find\b",
    r"\brun(?:s|ning)? out\b|\bjam(?:s|med|ming)?\b|"
    r"\bdrives? (?:you|him|her|them|everyone) (?:mad|crazy|nuts|up the wall|round the bend)\b|\bdrags?\b|\bmagic wand\b|\bchange one thing\b|\bdo you ever (?:find|get|have|notice|struggle|worry|feel|run|end up|lose|miss)\b|\bcatch yourself\b|\bhold(?:ing)? (?:yourself |you )?back\b",
    r"\bhow (?:happy|satisfied|pleased) (?:are|were|is) (?:you|they|he|she)\b|\bhow(?: has| have| is| are|'s) (?:it|that|things|the \w+|your \w+) (?:been )?(?:going|working out|holding up)\b",
    r"\bhow (?:are|is|'s) (?:his|her|their|your|the) (?:marks|grades|results|scores|progress|performance)\b|\bhow(?: is|'s) (?:he|she) doing\b",
    r"\bhow (?:are|have) you (?:been )?finding\b|\b(?:any|much) (?:help|use|good)\b|\bput (?:you|him|her|them) off\b|\bholding (?:you|him|her|them) back\b",
    r"\bhow (?:is|are) (?:he|she|they|it|things|the \w+) (?:doing|getting on|coping|going)\b",
    r"\bgaps?\b|\bbottleneck|\bhassle|\bmess\b|\bstress",
)
SITUATION = re.compile(
    r"\bhow (?:many|much|often|long|old|big|far)\b|\bwhat (?:do|does|did) (?:you|he|she|they) (?:use|have|do|pay|spend)\b|\bat the moment\b|"
    r"\bcurrently\b|\bright now\b|\bwhen (?:was|were|is|did)\b|\b(?:now|these days|nowadays)\b|\bwhich (?:\w+ )?(?:do|does|did|is|are|was|were) (?:you|he|she|they|your)\b|\bwhat year\b|\bsince when\b|\bwho (?:looks|handles|is|does|else)\b|"
    r"\bwhat(?:'s| is) (?:in there|your|the current)\b|\bis it a\b|\bdo you (?:have|use|know|own|rent|run)\b|\bwhere\b|\bwhen did\b|\bwhat kind\b|\bwhat type\b"
)
ABOUT_CUSTOMER = re.compile(
    rf"\b(?:{YOU}|currently|at the moment|right now|today|these days|usually|normally|at home|your \w+)\b"
)

# --- FABE -------------------------------------------------------------------------------------------------
NUMBER = r"\d[\d,.]*\s*(?:k|m|million|thousand|hundred|\+)?"
EVIDENCE = _rx(
    r"\b(?:we|we've|we have|we now) (?:\w+ ){0,2}(?:run|look after|serve|supply|work with|support|manage|insure|cover|teach|train|protect|host|hosted|done|did|fitted|installed|delivered|handled|helped|placed|trained|moved|switched)\b.{0,40}\d",
    r"\bof the year\b|\b(?:registered|licensed|insured|vetted|dbs-checked|background-checked|qualified) (?:with|by|and)\b|\ball our \w+ are (?:\w+ )?(?:registered|certified|qualified|accredited|licensed|trained)\b",
    r"\b\d+ (?:per ?cent|percent) of (?:our|them|people|customers|clients|members|users)\b",
    r"\d[\d,]*\+? (?:offices|warehouses|sites|clinics|stores|branches|teams|vehicles|accounts|venues|cafes|factories|landlords|tenants|drivers|agents|practices|sellers)\b",
    r"\bpromise\b|\bor (?:it's|its) free\b|\bor your money back\b|\b(?:cut|reduced|halved|doubled|improved|raised|boosted) (?:\w+ ){1,3}by\b|\bby \d+ ?%",
    r"\bthe same \w+ (?:that|as) \w+ (?:use|uses|used|have|has)\b|\b(?:like|including) \w+ (?:and|&) \w+\b.*\b(?:use|uses|switched|chose)\b",
    r"\bsince (?:19|20)\d\d\b|\bvoted\b|\baward-winning|\bbest \w+ (?:hotel|company|provider|service|brand) (?:in|of)\b|\buptime\b|\brenew(?:ed|al rate)\b",
    r"\bcooling-off|\bfull refund|\bpenalty-free|\bno-quibble|\bleave (?:penalty-free|for free|without)|\bsatisfaction (?:rate|guarantee)|\bwe(?:'ve| have) (?:fitted|installed|served|helped|sold)\b",
    rf"{NUMBER}\s*(?:\w+\s+){{0,2}}(?:customers|families|users|clients|members|companies|households|parents|schools|students|pupils|guests|businesses|homes|restaurants|shops|people|patients|subscribers|owners|firms|hotels|installations|projects|couples)\b",
    r"\baward|\bcertified|\bcertificat|\biso \d|\baccredit|\brated\b|\bratings?\b|\breviews?\b|\bstars?\b|\btestimonial",
    r"\bguarantee|\bwarrant(?:y|ied)|\bmoney[- ]back|\brefund|\breturn (?:it|them)? ?(?:within|in|for|free)|\b\d+[- ]day (?:return|trial)",
    r"\bfree trial|\btrial (?:period|week|month|lesson|class|session)|\btry (?:it|us|them) (?:free|for|out)",
    r"\b(?:studies|study|research|survey|tests?|trials?|data|figures) (?:shows?|showed|found|proves?|proved|confirm)",
    r"\bproven|\btrack record|\bcase stud|\bindependent(?:ly)?|\btested by|\bclinically",
    r"\b(?:one|many|most|all|some|\d+%?) of our (?:customers|clients|members|users|families)",
    r"\b(?:top[- ]rated|number one|no\. ?1|best[- ]selling|market leader|leading brand|bestseller)",
    r"\b(?:on average|average of|an average)\b.*\d|\d+ ?% (?:of|more|less|fewer|higher|lower|better|faster|improv|increase|reduction)",
    r"\b(?:raised|improved|increased|cut|reduced|saved|grew|boosted) (?:their|his|her) \w+",
    r"\b(?:recommended|endorsed|used|trusted|chosen) by\b",
    r"\b(?:most|many|a lot of|lots of|plenty of) (?:of )?(?:our )?(?:\w+ )?(?:owners|fleets|customers|clients|members|users|beginners|students|"
    r"families|businesses|people|patients|parents|companies|teams) (?:tell us|say|find|report|cut|save|reach|see|get|come back|renew)\b",
    r"\byears? of experience|\bin business (?:for|since)|\bserved (?:over )?\d",
)
BENEFIT = _rx(
    r"\bfor you(?: personally)?\b|\bno more \w+ing\b|\bexactly (?:that|the|what|your|those)\b|\bwhich means (?:that )?(?:your|the|you|he|she|they)\b",
    r"\byou(?:'re| are) not (?:the one|stuck|left|paying)\b|\bfits (?:round|around|in with|into) (?:your|the)\b",
    r"\bso (?:there's|there is) no (?:\w+ing|more|need)\b|\bso it(?:'s| is) (?:already )?(?:ready|running|there|done|in place) (?:for|before|by)\b",
    r"\b(?:you|he|she|they)(?:'d| would|'ll| will) be (?:well )?(?:ahead|set|covered|sorted|able|fine|protected|ready|saving)\b",
    r"\bwhich you (?:said|mentioned|told me)\b|\byou said (?:was|is|were) the\b|\byou get to\b|\byou(?:'re| are) (?:never|not) (?:left|stuck)\b",
    r"\b(?:what|which is what) you (?:wanted|need|said|asked for|mentioned|were after)\b|\byou told me\b|\byou(?:'re| are) paying (?:roughly|about|only|less)\b",
    r"\b(?:deals with|fixes|solves|sorts out|takes care of|gets rid of|stops) (?:exactly )?(?:what|the|your|that|those)\b|\bso (?:he|she|you|they)(?:'s|'ve|'ll| has| have| will) (?:had|got|be|been|have|get)\b",
    r"\byour (?:pa|son|daughter|child|kids|wife|husband|team|staff|family|clients)\b.*\b(?:can|will|won't|doesn't have|no longer)\b",
    rf"\b(?:so|so that|which means|that means|this means|meaning|means|that way)\s+(?:{YOU}|your \w+)\s+(?:\w+\s+){{0,2}}(?:can|could|will|would|'ll|won't|don't|doesn't|never|no longer|get|gets|save|saves|have|has|be|is|are|stop|avoid|catch|pass|keep|spend|sleep|enjoy|feel|see|know|worry|finally)",
    r"\byou(?:'ll| will) (?:\w+ )?(?:save|get (?:more|back|your|peace|better|to)|be able|never|no longer|not have to|spend less|enjoy|avoid|feel|catch up|pass|stop|finally|cut|reduce|free up|gain|win|impress|rest)",
    r"\b(?:he|she|they|your \w+)(?:'ll| will) (?:\w+ )?(?:be able|catch up|pass|improve|get|have|feel|stop|finally|keep|learn|speak|enjoy|save|see|win)",
    r"\bfor (?:you|your \w+),? (?:this|that|it) means\b|\bfor you,|\bin your case\b|\bfor your (?:son|daughter|child|kids|family|business|team|company|staff|situation|shop|restaurant|home|flat|house)",
    r"\byou won't (?:have|need) to\b|\bno more (?:\w+ ){0,2}for you\b|\bpeace of mind\b",
    r"\bexactly what you (?:need|said|wanted|mentioned|asked)\b|\b(?:solves|fixes|takes care of|addresses) (?:the|your|that|his|her) \w*",
    r"\byou(?:'d| would) (?:save|get|have|be able|never|no longer|spend less|cut)",
    r"\b(?:save|saves|saving) (?:you )?(?:\w+ ){0,2}(?:\d|a lot|hours|money|time)",
)
ADVANTAGE = _rx(
    r"\bwithout (?:anyone|any|a|the|you|having|needing|waiting|ringing|chasing)\b|\bno (?:more|need|waiting|hunting|chasing|ringing|queue|queues)\b|\bautomatically\b",
    r"\bwe (?:handle|take care of|manage|cancel|arrange|sort out|do) (?:it|the whole|all|everything|the \w+) (?:for you|ourselves)?",
    r"\bon the spot\b|\bin real time\b|\bas (?:he|she|you|they) (?:speak|speaks|go|goes|type)\b",
    r"\bunlike\b|\bcompared (?:to|with)\b|\bbetter than\b|\bmore \w+ than\b|\b\w+er than\b|\binstead of\b|\brather than\b",
    # "so it corrects as he speaks" says what the product does; "so it's four loads a month" restates the customer
    r"(?<!^)(?<!^ok )(?<!^okay )(?<!^right )(?<!^well )\bso (?:it|the \w+|they|this)\b(?!'s|'re| is| was| were| are| sounds| seems)|\bwhich means (?:it|the \w+)|\bso that (?:it|the \w+)\b",
    r"\b(?:it|this|the \w+|that) (?:automatically|adapts?|corrects?|lets|allows|saves|reduces|cuts|prevents|keeps|helps|protects|removes|blocks|handles|syncs|updates|tracks|learns|lasts|listens|detects|reports|alerts|scores)\b",
    r"\bno need to\b|\bwithout (?:having to|needing|any need)\b|\bthe (?:advantage|difference|beauty|best part|great thing|good thing|key thing|point) (?:is|of)\b",
    r"\b(?:nobody|no one) (?:has|needs) to\b|\b(?:doesn't|don't|won't|never) \w+ like\b|\b\w+s its own\b",
    r"\bwhat makes (?:it|this|us|our \w+) (?:different|better|special|unique)\b|\bwhereas\b|\b(?:big|main|real) difference\b",
    r"\b(?:only|unique|exclusive|one of a kind)\b",
    r"\b(?:faster|quicker|easier|cheaper|stronger|quieter|warmer|lighter|longer|safer|cleaner|simpler|more (?:efficient|durable|reliable|accurate|flexible|convenient))\b",
    r"\b(?:efficient|durable|reliable|accurate|flexible|convenient|hassle-free|automatic|energy-saving)\b",
)
FEATURE = _rx(
    r"\b(?:it's|it is|they're|they are|this is|that's) (?:a|an|just|only|our|the) (?:\w+[- ]?){0,3}(?:sensor|device|card|plan|package|app|machine|system|course|service|profile|tablet|unit|kit|membrane|panel|filter|policy|programme|program|subscription|model|box|version|tier)\b",
    r"\b(?:our|the|these|those) \w+s? (?:is|are) (?:a|an|\d|made|double|triple|available|fitted|rated|built|certified|designed)\b|\blives in (?:our|the|your)\b|\bclips? (?:on|onto)\b|\bplugs? into\b|\bcomes? in\b",
    r"\b\d+(?:\.\d+)? (?:a|per) (?:day|month|year|week|ream|box|hour|night|person|user|seat)\b|\bworks out at\b|\bstanding order\b|\bfree over\b|\bcontract\b|\bcancel anytime\b",
    r"\bthere(?:'s| is| are) (?:a|an|two|three|four|\d+) (?:\w+[- ]?){0,3}(?:in the box|built-in|included|microphone|app|card|ways?|options?|plans?|packages?|models?|versions?)",
    r"\bin the box\b|\b\d{1,3}(?:,\d{3})+(?= (?:for|a|per|yuan|rmb|isn't|is|fitted|installed|plus|including|all))|\b\d+\.\d\d\b|\b(?:fibre|fiber|plan|package|tier|model|card) \d+\b|\bwe can (?:usually )?(?:fit|deliver|install|ship|set up) (?:within|in)\b",
    r"\b(?:it|this|the \w+|our \w+|each \w+|every \w+|that|they|these|the (?:card|device|plan|package|machine|system|course|service|membership|policy|product|panel|unit|app|kit|offer|model))\s+(?:\w+\s+)?(?:has|have|includes?|including|comes? with|contains?|offers?|features?|holds?|covers?|gives? (?:you )?access|is made|are made|uses?|runs? (?:on|in|off)|supports?|provides?|consists?|is available|are available|measures?|weighs?|lasts|takes?)\b",
    rf"{NUMBER}\s*(?:gb|mb|mbps|gbps|tb|m2|m²|sq|square|mm|cm|metres?|meters?|kg|grams?|g\b|hours?|hrs?|minutes?|mins?|rooms?|dialogues?|lessons?|pages?|sheets?|reams?|boxes?|colou?rs?|channels?|users?|seats?|licen[cs]es?|sessions?|classes?|nights?|visits?|bottles?|capsules?|tablets?|pills?|layers?|chambers?|watts?|kw|kwh|litres?|liters?|per ?cent|%|yuan|rmb|dollars?|euros?|pounds?|rubles?|roubles?|lira|usd|eur)\b",
    r"[$€£¥]\s*\d",
    r"\b(?:costs?|priced at|the price (?:is|would be|comes to|for)|price of|it's only|only costs|just \d|per (?:month|year|week|day|night|person|room|square)|a month\b|a year\b|monthly|annual fee|fee is|instal+ments?|deposit|discount|\d+% off|free (?:delivery|installation|shipping|setup|set-up|measurement|consultation))",
    r"\b(?:we (?:offer|have|provide|include|install|deliver|supply|use|sell|carry)|our (?:\w+ )?(?:plan|package|card|service|course|product|offer|range)s? (?:is|are|has|have|include|includes|come|comes|cost|costs|start|starts))\b",
    r"\b(?:available in|made of|made from|comes in|built-in|built in|includes|including|equipped with)\b",
    r"\b(?:we|i)(?:'d| would) (?:fit|install|recommend|suggest|put in|set up|go for)\b|\bhere's how it works\b|\bgoes into\b",
    r"\byou can (?:switch|turn|pause|cancel|choose|pick|add|swap|upgrade|downgrade|freeze|book|bring|use|access)\b",
    r"\bwe could (?:go|do|start|take|offer)\b|\b(?:two|three|a couple of|several) (?:ways|options)\b|\bsome (?:people|customers|clients|families) (?:start|go|choose|pick|opt)\b|\bwe (?:run|offer) (?:a|an)\b",
)
PRODUCT_TALK = re.compile(
    r"\b(?:it|this|our|we|the (?:card|device|plan|package|machine|system|course|service|membership|policy|product|offer|model|app|kit|unit))\b"
)

# --- Close ------------------------------------------------------------------------------------------------
TIME = re.compile(
    r"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"next (?:week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|few days)|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|"
    r"(?:at|by|around|before|after) \d{1,2}(?::\d\d)?(?![\d%.,])|\d{1,2}(?::\d\d)? ?(?:am|pm|a\.m\.|p\.m\.|o'clock)|\d{1,2}:\d\d|noon|midday|"
    r"in (?:\d+|an?|one|two|three|ten|fifteen|half an) (?:minutes?|hours?|days?|working days?)|"
    r"within (?:\d+|an?|one|two|three|24|48) (?:minutes?|hours?|days?|working days?)|"
    r"(?:\d{1,2}(?:st|nd|rd|th))|(?:january|february|march|april|june|july|august|september|october|november|december)|"
    r"end of (?:the )?(?:day|week|month)|first thing|later today|this time|"
    r"what time|which day|what day|when (?:would|will|can|could|is|does|are|should)|which (?:time|date|slot)|what date|"
    r"tomorrow)\b"
)
ACTION = re.compile(
    r"\b(?:call (?:you )?back|call you|ring you|phone you|give you a (?:call|ring)|get back to you|follow up|"
    r"deliver|delivery|dispatch|ship|courier|send (?:you|it|the|over|out)|email (?:you|it|the)|text you|"
    r"visit|come (?:over|round|by|to|out|and)|pop (?:round|over|by)|drop (?:by|in|it)|measure|measurement|survey|inspect|install|fit|fitter|"
    r"technician|engineer|specialist|consultant|expert|meet|meeting|appointment|book|booking|schedule|arrange|reserve|demo|demonstration|"
    r"set up|activate|start|sign|trial|session|class|tour|viewing|consultation|check-in|collect|courier|surveyor|switch|engineer|"
    r"call|pilot|post (?:it|them)|text|invite|service|go in|be with you|pencil|driver|measurer|delivery|"
    r"put you down|get you a (?:seat|place|slot)|on the calendar|opening|slot|post (?:\w+ ){0,3}(?:out|to you)|"
    r"(?:have|get) (?:it|them|that|this) (?:over|across|out) to you|see (?:you|your \w+|him|her|them)\b|"
    r"(?:i|we)(?:'ve got| have got| have) (?:an? )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|next|this))"
)
# "sometime next week", "in a week or so": a time too vague to arrange anything (seed 003's "vague next step")
VAGUE_TIME = re.compile(
    r"\b(?:sometime|some time|at some point)(?: (?:next|this) (?:week|month))?\b|\b(?:next|this) (?:week|month) or so\b"
)
# A time that is past or merely due, and the words that make a time an arrangement.
PAST_OR_DUE = re.compile(
    r"\b(?:left|came|called|rang|phoned|spoke|sent|emailed|enquired|was|were|did|had|returning your call)\b|\b(?:is|are) due\b|\b(?:made|brought|prompted) you\b"
)
FUTURE = re.compile(
    r"\b(?:will|can|could|shall|would|going to|gonna|let's|let me|booked|book|works|suits?|free|available|pencil)\b|'ll\b|'d\b"
)
# Times the trainee asks about rather than offers ("what time suits?", "when would you need it?").
TIME_ASKED = re.compile(
    r"what time|which day|what day|when (?:would|will|can|could|is|does|do|are|should)|which (?:time|date|slot)|what date"
)
PROPOSAL = re.compile(
    r"\b(?:i'll|i will|we'll|we will|i can|we can|i could|we could|shall i|shall we|should i|let's|let me|can i|could i|may i|"
    r"would|will|can (?:our|my|the|he|she|they)|how about|what about|does|is|works?|suit|suits|convenient|free|available|"
    r"he'll|she'll|they'll|our \w+ (?:will|can|could)|i've (?:booked|scheduled|arranged|put)|you'll (?:get|receive|have))\b"
)
CONTACT = _rx(
    r"\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b|\b\d{3,4}[ -]\d{3,4}[ -]\d{3,4}\b|\b\S+@\S+\.\w+|\b\d+ \w+ (?:road|street|st|avenue|ave|court|lane|drive|close|way|square|place|crescent)\b",
    r"\bextension \d+|\b(?:his|her|their) (?:name and )?(?:email|number|details|mobile)\b|\bwho should (?:the \w+|he|she|we|i) ask for\b|\binvoice (?:go|be sent) to\b",
    r"\b(?:your|the|this|a|best|which|what's the|what is the) (?:mobile|email|e-mail|address|postcode|post code|zip code|number)\b(?! data)(?=.*(?:\?|take|have|get|confirm|note|send|read|write|still|ring|call|text|reach))",
    r"\bon this (?:mobile|number|phone)\b|\bemail (?:address )?(?:ending|still)\b|\bcontact (?:name|person)\b",
    r"\b(?:phone|mobile|cell|contact|telephone|landline|home|work|office|best|direct) (?:number|no\.?|details|info|information)\b",
    r"\byour (?:number|email|e-mail|address|mobile|wechat|whatsapp|contact)\b|\byour phone (?:number|no)\b",
    r"\b(?:e-?mail|postal|delivery|home|billing|shipping|street) address\b",
    r"\breach you\b|\bget hold of you\b|\bcontact you\b|\bget in touch with you\b",
    r"\b(?:which|what) (?:number|email|address)\b",
    # a messaging app asked about, not merely named ("we take orders on WhatsApp", "I'll WhatsApp you the brochure")
    r"\b(?:are you|you're|is (?:that|this|it)) on (?:wechat|whatsapp|telegram|line|skype)\b|\b(?:wechat|whatsapp|telegram|line|skype) (?:id|number|handle)\b|\bline id\b",
    r"\byour (?:name and |full name and )(?:e-?mail|number|phone number|mobile|handphone)\b|\bhandphone\b",
    r"\b(?:what's|what is|which is) (?:the )?(?:best )?(?:mobile|email|e-mail|number|address|landline)\b|\bdirect (?:line|number|dial)\b",
    r"\b\w+ dot (?:com|co|org|net|uk|cn|io)\b|\bwho else should (?:be|i|we) (?:copied|cc|copy|include|add)",
    r"\b(?:note|write|take) (?:down )?(?:your|the) (?:number|details|address|email)\b",
    r"\b(?:is|was) (?:this|that) (?:number|the best number|still your number)\b",
)
# The decision itself, as opposed to arranging a visit or a call: with one of these an "OK?" asks for the order.
DECISION = re.compile(
    r"\b(?:order|buy|sign|signed|go ahead|proceed|set (?:it|that|you|this) up|activate|reserve|book (?:you|it|that|your)|"
    r"start (?:your|the|you)|put you down|get you (?:started|signed|set up)|enrol|register|purchase|subscribe|join|"
    r"the (?:plan|policy|package|membership|contract)|deal|take (?:it|one|them|the)|book|shall (?:i|we))\b"
)
# "OK?", "would that work?": agreement to whatever was just proposed; a commitment ask only if that was the decision.
AGREEMENT_TAG = re.compile(
    r"\b(?:ok|okay|alright|all right|fine)\W*$|\bwould (?:that|this|it) (?:work|suit)(?: for you)?\b|\bdoes (?:that|this) (?:work|suit)\b"
    r"|\bis that (?:ok|okay|alright|all right|fine)\b|\bhow does that sound\b|\bsound good\b"
)
ASK_COMMITMENT = _rx(
    # the decision asked outright, in any domain (checked on PersuasionForGood's donation asks)
    r"\b(?:would|will|do|are) you (?:think you (?:would|could) )?(?:be )?(?:willing|prepared|open|happy) to\b|\bwould you (?:be )?will to\b",
    r"\bwould you (?:like|want|care) to (?:donate|give|spend|make|join|help|sign|order|buy|try|book|start|go ahead|take|get|contribute|support|commit|pledge)\b",
    r"\b(?:would|do) (?:you )?(?:like|want) to (?:help|join)\b|\bwould you consider (?:\w+ing|it|this|that|us)\b|\byou would consider \w+ing\b",
    r"\bi(?:'d)? (?:encourage|urge|invite) you\b|\bplease (?:donate|sign|order|consider|join|give|buy|support|book)\b|\bi(?:'m| am) asking (?:you )?(?:for|to)\b",
    r"\bwe were hoping (?:for )?you\b|\blet me know how much\b|\bhow much would you like to\b|\bshould we (?:give|go|do|book|order|sign)\b",
    r"\b(?:are we|am i|we're|we are) (?:good|ok|okay|all set|clear) to (?:go|proceed|go ahead)\b|\bgood way to (?:start|begin|get started)\b|\bhow does (?:that|this) sound\b",
    r"\bwould (?:it|that) (?:feel |be )?(?:easier|better|simpler) to (?:start|begin|go|try)\b|\bthe kind of thing you (?:were|are)(?: looking)? (?:after|for)\b|\bwould stop you (?:going ahead|signing|ordering)\b",
    r"\bdoes (?:that|it|this) (?:sound|make sense|sit|feel|work|seem)\b|\bworth a (?:try|go|shot)\b|\bdoes it make sense to\b|\bis (?:that|this|it) something\b",
    r"\bshall i (?!ask|check|explain|tell|go over|read|run through)\w+ (?:it|them|one|that|this|you|your|a|the)\b|\bwould that (?:work|suit) (?:for )?you\b",
    r"\bhow much (?:are|would|will|can|could|do) you (?:\w+ ){0,3}(?:donat\w*|giv\w*|contribut\w*|order\w*|buy\w*|sign\w*(?: up)?|join\w*|pledg\w*|sponsor\w*|try\w*|switch\w*|upgrad\w*|book\w*|renew\w*|subscrib\w*|enrol\w*|purchas\w*|invest\w*|commit\w*|go(?:ing)? ahead|tak\w* (?:it|one|the|a|this|that)|increas\w*|mak\w* a (?:donation|purchase|booking|commitment))\b|\bhow much would be appropriate\b|\ban amount in mind\b",
    r"\b(?:will|would|wouldn't|won't) you (?:\w+ ){0,2}(?:donat\w*|giv\w*|contribut\w*|order\w*|buy\w*|sign\w*(?: up)?|join\w*|pledg\w*|sponsor\w*|try\w*|switch\w*|upgrad\w*|book\w*|renew\w*|subscrib\w*|enrol\w*|purchas\w*|invest\w*|commit\w*|go(?:ing)? ahead|tak\w* (?:it|one|the|a|this|that)|increas\w*|mak\w* a (?:donation|purchase|booking|commitment))\b|\bcan i interest you in\b|\bperhaps you(?:'d| would) (?:be interested|like)\b",
    r"\bi(?:'d| would) like to (?:ask|encourage|invite) you to\b|\b(?:if|whether) you(?:'d| would) be willing to\b|\bhave you (?:thought about|considered) (?:donat\w*|giv\w*|contribut\w*|order\w*|buy\w*|sign\w*(?: up)?|join\w*|pledg\w*|sponsor\w*|try\w*|switch\w*|upgrad\w*|book\w*|renew\w*|subscrib\w*|enrol\w*|purchas\w*|invest\w*|commit\w*|go(?:ing)? ahead|tak\w* (?:it|one|the|a|this|that)|increas\w*|mak\w* a (?:donation|purchase|booking|commitment))\b",
    r"\bdo you think you (?:will|would|could|can) (?:be able to )?(?:donat\w*|giv\w*|contribut\w*|order\w*|buy\w*|sign\w*(?: up)?|join\w*|pledg\w*|sponsor\w*|try\w*|switch\w*|upgrad\w*|book\w*|renew\w*|subscrib\w*|enrol\w*|purchas\w*|invest\w*|commit\w*|go(?:ing)? ahead|tak\w* (?:it|one|the|a|this|that)|increas\w*|mak\w* a (?:donation|purchase|booking|commitment))\b|\byou(?:'d| would) like to (?:donat\w*|giv\w*|contribut\w*|order\w*|buy\w*|sign\w*(?: up)?|join\w*|pledg\w*|sponsor\w*|try\w*|switch\w*|upgrad\w*|book\w*|renew\w*|subscrib\w*|enrol\w*|purchas\w*|invest\w*|commit\w*|go(?:ing)? ahead|tak\w* (?:it|one|the|a|this|that)|increas\w*|mak\w* a (?:donation|purchase|booking|commitment))\b.*\?",
    r"\bwould you (?:be )?(?:willing|able|open|interested|happy|ready|keen|up for) (?:to )?(?!tell|share|know|hear|answer|explain|describe|talk|chat|spend a)\w+",
    r"\bwould you (?:consider|think about) (?:donating|making|buying|signing|joining|going|giving|taking|trying|ordering|switching|upgrading|booking|renewing|contributing|starting)\b",
    r"\bhow much (?:would|will|can|could|do) you (?:like to |want to |be willing to |feel comfortable )?(?:donate|give|contribute|order|put in|pledge|commit)\b",
    r"\b(?:any|is there (?:any|a)) chance (?:you|we)\b|\bwhy not (?:\$|£|€)?\d|\bwould (?:\$|£|€)?\d[\d.,]* (?:\w+ )?(?:be|work|do)\b",
    r"\b(?:can|could|will) (?:you|i count on you to) (?:donate|give (?!me\b)|commit|contribute|pledge|sign up|buy|order|sponsor|join)\b",
    r"\b(?:do|would) you (?:want|like) to (?:donate|give|help|contribute|join|sign|make a|try|go for|start|support|sponsor|pledge|buy|order)\b",
    r"\bwould you like to (?:help|donate|contribute|give|join|make|support|sponsor)\b|\bcan we count on\b|\bare you in\b",
    r"\bhappy for me to\b|\bsomething you(?:'d| would) like to\b|\bwould that (?:settle|do it|work|swing it|make the difference|be ok|be okay|be alright)\b",
    r"\bgive it a (?:go|try)\?|\bshall we\b|\bare you happy (?:to|with that)\b|\bcan i go ahead\b|\bshall i (?:reserve|book|send|put|set|get|activate|sign|lock|order|arrange|register|enrol)",
    r"\b(?:shall|should|can|may|could) i (?:go ahead and )?(?:place|put|process|book|reserve|sign|register|set|get (?:you|it|that|this) (?:started|signed|booked|set up|sorted|ordered)|order|confirm|add|enrol|enroll|start|arrange|lock|secure|send you the contract)",
    r"\bwould you like (?:to|me to) (?:go ahead|order|buy|take|sign|book|proceed|start|join|try|get|reserve|place|upgrade|switch|confirm|enrol|enroll|secure|lock)",
    r"\b(?:do|did) you want (?:to|me to) (?:go ahead|order|buy|take|sign|book|proceed|start|place|get|join|try|switch|confirm)",
    r"\bare you (?:ready|happy|willing|comfortable|ok|okay) to (?:go ahead|proceed|order|sign|move forward|commit|start|book|place|buy|join|switch|confirm)",
    r"\bshall we (?:go ahead|proceed|get|book|do|start|set|sign|make it|lock|confirm|move)",
    r"\b(?:can|could) we (?:go ahead|proceed|book|get (?:you|it|this) (?:started|signed|booked)|start|sign|confirm|lock)",
    r"\bhow (?:does|do) (?:that|this|it|all that) (?:sound|feel|look)\b|\bdoes (?:that|this) (?:sound|look) (?:good|ok|okay|fair|reasonable|right)\b|\bsound(?:s)? good\b",
    r"\bwhat do you (?:think|say)(?:\W*$| (?:of|about|to) (?:it|that|this|the (?:offer|plan|package|price|idea|proposal)))|\bwhat are your thoughts\b",
    r"\bcan i count on\b|\bis (?:that|this) something you(?:'d| would) (?:like|want)\b|\bdo we have a deal\b|\bdeal\?",
    r"\blet's (?:go ahead|get you|do it|book|sign|make it|get (?:it|this) (?:done|started|booked))",
    r"\b(?:which|what) (?:option|package|plan|colou?r|model|size|version|tier|card|one) (?:would|do|shall|will) (?:you|we) (?:like|prefer|want|go for|choose|take)",
    r"\b(?:cash|card) or (?:card|cash|instal+ments?|transfer)\b|\bwould you prefer\b|\bdo you prefer\b",
    r"\bready to (?:go ahead|proceed|order|sign|move forward|commit|start|book|buy)\b",
    r"\b(?:go ahead|move forward|proceed) with (?:it|this|the|that|your|an? )",
    r"\b(?:place|take) (?:the|your|an|this) order\b|\bsign (?:you|it) up\b|\bget you signed\b|\bwrap (?:this|it) up\b",
    r"\bwould (?:you|that) (?:be )?(?:be willing|agree|like to take it|work for you)\b",
    r"\bwould you (?:take|buy|order|go for|sign up for) (?:it|one|this|that)\b",
    # a sweetener offered for the decision, a check that the customer is ready to pay, holding the offer for them
    r"\bwhat if i (?:throw in|threw in|add|added|include|knock|knocked|take|took|waive|waived|drop|dropped)\b",
    r"\bare you (?:alright|all right|ok|okay|happy|good) (?:to|for me to) (?:pay|go|proceed|book|order|sign|put|lock)\b",
    r"(?<!\bto )\block (?:it|that|this|them|you|(?:that|the|this|your) (?:price|rate|deal|offer|slot|discount)) in\b",
    r"\bhow's (?:that|this|it) (?:sound|looking|feel)\b",
)
# What a read-back ends on to ask for confirmation ("..., is that right?"); a summary's tag (TAG) may also be "yeah".
_CONFIRM = r"right|correct|fair|yes|is that right|is that correct|is that fair|did i get that right|have i got that(?: right)?|am i right|(?:is )?that about it|is that the picture"
SUMMARIZE = _rx(
    rf"^(?:\w+[,!]? )?so,? .*(?:—|–|-|,)\s*(?:{_CONFIRM})\W*$",
    r"^(?:is that|was that|have i got (?:that|it|everything)|did i get (?:that|it|everything)|am i) (?:right|correct|about right)\W*$",
    r"^(?:\w+[,!]? )?so,\s(?!if\b|when\b|what\b|how\b|suppose\b|imagine\b|uh\b|um\b|er\b|erm\b|i (?:just )?(?:wanted|want|was|thought)\b)|\bsame page\b|\bto play (?:it|that|this) back\b|\b(?:just )?so i(?:'ve| have) got (?:it|that|this|everything) right\b",
    r"\bgiven what you(?:'ve| have) (?:said|told me)\b|\bquick recap\b|\bread (?:that|it|this|those) back\b|\blet me just read\b|^(?:perfect|lovely|great|brilliant|right|ok|okay)\s*[:—–-]",
    r"^(?:\w+[,!]? )?so (?:a|an|that's|\d)\b",
    r"^(?:\w+[,!]? )?so[:;]",
    r"^(?:\w+[,!]? )?so (?:you're|you've|you said|you need|you want|you have|you'd|that's|it's mostly|he's|she's|they're|the \w+ (?:are|is) fine)\b",
    r"\breading (?:that|it|this) back\b|\blet me check\b|\bfrom what you(?:'ve| have) told me\b|\ball correct\?|\bhave i got (?:that|it|everything) right\b",
    r"\bto (?:sum (?:it |this |that )?up|recap|summari[sz]e|wrap up what)\b",
    r"\blet me (?:just )?(?:recap|sum up|summari[sz]e|go over|run through|repeat|read back|check (?:i|that i)|make sure i|confirm (?:what|that i))",
    r"\bjust to (?:confirm|make sure|be clear|check|recap|double[- ]check)\b",
    r"\bif i (?:understand|understood|heard|got|get) (?:you|that|this|it|everything)\b|\bif i've (?:understood|got) (?:you|that|this|it)\b",
    r"\bas i understand\b|\bwhat i(?:'m| am) hearing\b|\bso what you(?:'re| are) (?:saying|looking for|after)\b",
    r"^(?:ok(?:ay)?,? |alright,? |right,? |great,? )?so,? .*(?:,|\s)(?:right|correct|yes|is that right|is that correct|did i get that right)\W*$",
    r"\b(?:you|he|she) (?:said|mentioned|told me|explained)\b.*\b(?:right|correct|yes|yeah|is that)\b",
    r"\b(?:so )?we(?:'ve| have) agreed\b|\bwe agreed\b|\bso we(?:'re| are) (?:agreed|saying|looking at)\b|\bso that's\b",
    r"\b(?:did|have) i (?:get|got) (?:that|this|it|everything) right\b|\bam i right\b|\bhave i understood\b",
    # a read-back's own confirming question, asked as a sentence of its own ("... Is that the picture?")
    r"^(?:is )?that (?:about|roughly|more or less|pretty much) (?:it|right|the size of it)\W*$",
    r"^is that (?:the|a fair) (?:picture|gist|summary|situation)\W*$|^(?:have|did) i (?:miss|missed|leave out|left out) anything\W*$",
    r"^that's (?:the main (?:one|ones|two|three|four|things?)|about it|it in a nutshell)(?:,? (?:right|yes|yeah|correct))?\W*$",
)

# --- Other signals ----------------------------------------------------------------------------------------
OPTIONS = _rx(
    r"\bwhat if\b|\bwe could\b|\byou could\b|\bone option\b|\banother option\b|\balternatively\b|\bseveral options\b",
    r"\bimagine\b|\bpicture this\b|\bwould you consider\b|\bhave you considered\b|\bhave you thought about\b|\bsuppose\b",
    r"\b(?:a few|several|two|three|different) (?:options|ways|possibilities|choices|approaches)\b",
)
OBJECTION_HANDLING = _rx(
    r"\bi (?:understand|hear you|see (?:why|what you mean)|get (?:it|that)|appreciate)\b|\bthat's a (?:fair|good|great|reasonable) (?:point|question|concern)\b",
    r"\bi know (?:it|that) (?:seems|sounds|looks)\b|\bmany (?:people|customers|parents|clients) (?:feel|felt|say|think)\b",
    r"\bfeel[- ]felt[- ]found\b|\bexpensive\b|\bcheaper\b|\bbudget\b|\bafford",
)
PRICE = re.compile(
    r"\b(?:price|prices|pricing|cost|costs|fee|fees|yuan|rmb|dollars?|euros?|pounds?|rubles?|roubles?|lira|discount|instal+ments?|per month|a month|per year|"
    r"deposit|expensive|cheap|affordable|quote)\b|[$€£¥]\s*\d"
)
RUDE = _rx(
    r"\b(?:stupid|idiot|idiotic|dumb|moron|shut up|fool|foolish|loser|pathetic|ridiculous|nonsense|bullshit|crap|damn|hell)\b|\bf+u+c+k|\bscrew you\b",
    r"\bjust (?:buy|sign|pay|order|take) it\b|\byou (?:have|need|must|got) to (?:buy|sign|order|take it|decide now)\b|\bbuy it now\b|\bdecide now\b",
    r"\b(?:don't|stop) (?:waste|wasting) my time\b|\bhurry up\b|\bare you deaf\b|\bi don't care\b|^whatever\W*$|\bwhatever you say\b|\blisten to me\b|\bjust listen\b",
    r"\bwhat's wrong with you\b|\bdon't be (?:silly|stupid|difficult)\b|\bgive me a break\b|\bdeal with it\b|\btake it or leave it\b|\blast chance\b",
)
GREETING = re.compile(
    r"^(?:hi|hello|hey|good (?:morning|afternoon|evening|day)|greetings|thanks for calling|thank you for calling)\b"
)
GOODBYE = re.compile(
    r"\b(?:bye|goodbye|good-bye|have a (?:nice|good|great|lovely) (?:day|evening|weekend|one)|take care|talk (?:to you )?soon|"
    r"thank you for your time|thanks for your time|speak (?:to you )?soon)\b"
)
INTRODUCES_SELF = re.compile(
    r"\b(?:my name is|my name's|this is \w+|i'm \w+ (?:from|at|with)|calling from|here at|i am \w+ from|speaking(?:\.|,|$))"
)
NEXT_STEP_FIXED = re.compile(
    r"^(?:[\w,:]+ ){0,4}(?:it is|then|works|is fine|suits|booked|confirmed|is booked|done|perfect|great|lovely)[.!]?$|\bbook (?:the|an?) \w+ for\b|"
    r"^(?:\w+ ){0,3}(?:at|on) \d{1,2}(?::\d\d)?(?: ?(?:am|pm))?[.!]?$"
)
TAG = re.compile(rf"(?:,|\s|—|-)(?:yeah|{_CONFIRM})\W*$")
SLOT = re.compile(
    r"\b(?:work|works|suit|suits|convenient|free|available|good for you|ok for you|okay for you|better for you|any good)\b"
)


# --- Hypotheticals (graders/hypothetical.py) ---------------------------------------------------------------
LANGUAGE = "en"
CONDITIONAL = re.compile(r"\bif\b|\bimagine\b|\bsuppose\b")
IF = re.compile(r"\b(?:if|suppose|supposing|imagine|say)\b")
# "Suppose you could see every van on a map. How many jobs…": a supposition set up in a sentence of its own
SUPPOSE = re.compile(r"^(?:so,? |now,? |ok(?:ay)?,? )?(?:suppose|supposing|imagine|picture|say) (?!that's|so\b)")
POLITE_IF = re.compile(
    r"\bif (?:you don't mind|you do not mind|i may|i might|i can|i could|that's ok|that's okay|it's ok|it's okay|"
    r"possible|so|not|you have a (?:moment|minute|sec)|you're happy to|you are happy to)\b"
)
CONDITION_END = re.compile(
    r",(?!\d)|\s[—–-]\s|\b(?:what|how)\b|\b(?:would|will|could|is|are|does|do)\s+(?:you|it|that|this|they|he|she|we|your)\b"
)
POSITIVE = re.compile(
    r"\b(?:help|helps|save|saves|saved|saving|worth|benefit|easier|better|relief|valuable|useful|matter|calmer|happier)\b"
    r"|\bfree up\b|\bget (?:that|it|them|those) back\b"
)
GAIN = re.compile(
    r"\b(?:could|can|were able|was able|managed|saved|disappeared|went away|gone|fixed|sorted|solved|cleared|"
    r"came back|no longer|never had to|didn't have to|did not have to|without|stopped|knew|guaranteed)\b"
)
SETBACK = re.compile(
    r"\b(?:stays?|stayed|continues?|continued|keeps?|kept|carries on|goes on|still|doesn't|don't|didn't|isn't|aren't|"
    r"wasn't|won't|can't|never|again|worse|miss(?:es|ed)?|lost|loses?|fails?|failed|late|breaks?|broke|went wrong|"
    r"goes wrong|nothing changes|nobody|no one|locked|hacked|stolen|breached|crashed|down|sick|ill|injured|off work)\b"
)
VALUE_ASK = re.compile(
    r"\bwould you (?:consider|be interested)|\bworth (?:a look|considering|it|something)|\binterested\b"
)
