"""The screen's first layer: words and phrases that signal risk, over normalised text.

Maintained here, one facet to a list, each written against `normalise` (lower case, no
apostrophes, text-speak written out: "i am going to", "do not", "can not"). A facet on
its own raises an alert; means, a time and intent raise one only together ("tablets"
alone does not; "tablets tonight" does). Negations never suppress an alert: "I'm not
suicidal" is read by a person too. Harmless idioms ("dying to get home", "killing
time") are taken out before matching, and only they: the rest of the message is still
read ("they saved my life last year but I want to die now" raises an alert).

Sources for the facets: the Columbia Suicide Severity Rating Scale screener (wish to be
dead, thoughts, method, intent, plan, preparatory behaviour), NICE NG225 (self-harm and
self-poisoning), Samaritans' warning signs (burden, trapped, goodbyes, putting affairs in
order), NICE NG10 (threats of violence), NSPCC's categories of child abuse and the Care
Act 2014's categories of abuse and neglect (safeguarding), and the Serious Crime Act 2015
s76 (coercive control).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RISK = "risk_to_life"
SAFEGUARDING = "safeguarding"

_ME = r"(?:my ?self|meself|myself)"
_SELF = rf"(?:{_ME}|him ?self|her ?self|them ?selves|themself|your ?self)"
_PILLS = (
    r"(?:tablets|pills|paracetamol|ibuprofen|aspirin|co ?codamol|codeine|sertraline|"
    r"citalopram|fluoxetine|mirtazapine|amitriptyline|pregabalin|gabapentin|diazepam|"
    r"zopiclone|nytol|sleeping (?:tablets|pills)|antidepressants|painkillers|insulin|"
    r"medication|prescription|lithium|quetiapine|olanzapine|tramadol|morphine|methadone)"
)

# Harmless uses of the same words: removed before matching, nothing else is.
_IDIOMS = [
    r"dying (?:to|for) (?:get|go|see|have|a|some|my|the|know|meet|try)\w*",
    r"killing time",
    r"(?:could|would) (?:murder|kill) (?:for )?(?:a|an|some|the) \w+",
    r"(?:wait|waiting|queue|traffic|heat|suspense|noise|pain|back|feet|knees|legs|"
    r"head|shoes|boots) (?:is|was|are|were) (?:absolutely |literally |really )?killing me",
    r"(?:is|are|was|were) killing me (?:with|softly)",
    r"(?:saved|save|saving) (?:my|our|his|her|their) (?:life|lives|bacon|sanity)",
    r"(?:nearly|almost) died (?:laughing|of (?:shame|embarrassment|boredom))",
    r"dead (?:tired|on my feet|good|easy|nice|lucky|chuffed|funny|busy|quiet|slow)",
    r"overdose(?:d)? (?:of|on) (?:paperwork|forms|sugar|chocolate|biscuits|cake|tv|netflix)",
    r"jump(?:ed|ing)? (?:the|a) (?:queue|gun|hoops)|jump through hoops",
    r"knife and fork",
    r"cut (?:my|the|our|his|her) (?:hair|hours|grass|nails|losses|budget|funding)",
    r"bridge (?:the gap|club)",
    r"shoot (?:me|you|us) (?:a|an) \w+",
    r"drop dead gorgeous",
    r"end of (?:my|the) (?:tether|rope) with (?:this|the|that) \w+",
    r"rope swing",
    r"kill(?:ing)? it (?:at|in|on)",
]
_IDIOM_RE = re.compile(r"\b(?:" + "|".join(_IDIOMS) + r")\b")


@dataclass(frozen=True)
class Facet:
    concern: str
    name: str
    pattern: re.Pattern[str]


def _facet(concern: str, name: str, *patterns: str) -> Facet:
    return Facet(concern, name, re.compile(r"\b(?:" + "|".join(patterns) + r")\b"))


FACETS: tuple[Facet, ...] = (
    _facet(
        RISK,
        # Not only the word: "can not go on" is here too (a fresh-eyes trial read "suicide
        # named" as a reason for words that do not name it).
        "suicide or wanting to die",
        r"suicide|suicidal|suicidality|sewer slide|kill (?:" + _SELF + r")",
        r"killing " + _SELF,
        r"killed " + _SELF,
        r"(?:off|top|do in|hang|hung|drown|gas|shoot|stab|poison|strangle|suffocate)"
        r"(?:ed|ing|s)? " + _SELF,
        r"do " + _SELF + r" in",
        r"take (?:my|his|her|their) (?:own )?life",
        r"taking (?:my|his|her|their) (?:own )?life",
        r"end(?:ing|ed)? (?:my|his|her|their) (?:own )?life",
        r"end(?:ing)? it (?:all|tonight|today|now|soon|for good)",
        r"(?:to|will|going to) end (?:it|things|everything)|ending (?:it|things|everything)",
        r"(?:want|wanted|going|plan|planning|ready|decided|about) to die",
        r"(?:want|wanted|going|plan|planning|ready|decided) to (?:do it|go through with it)",
        r"wish(?:ed)? i (?:was|were) dead|want(?:ed)? to be dead|better off dead",
        r"not (?:want|wanting) to (?:live|be alive|be here|exist|wake up|go on)",
        r"do not (?:want|wish) to (?:live|be alive|be here|exist|wake up|go on|carry on)",
        r"(?:no|nothing to) (?:reason|point) (?:to|in|of) (?:live|living|life|being alive|go on)",
        r"no reason to (?:live|go on|carry on|be here)",
        r"what is the point (?:of|in) (?:living|being alive|life|going on|carrying on)",
        r"can not (?:go on|carry on|keep going|do this any more|take (?:it|this|any more))",
        r"not (?:wake|waking) up|never wake up|go to sleep (?:and|forever)",
        r"tired of (?:living|being alive|life)",
        r"(?:stop|to stop) existing|cease to exist|disappear for ever|disappear forever",
        r"(?:would|will) not be (?:here|around) (?:for much longer|much longer|tomorrow|soon)",
        r"(?:will|would) not (?:be|need|see) (?:here|around|another|it|them) (?:any more|"
        r"much longer|tomorrow|next week|by morning)",
        r"wish i (?:was|were|had) (?:never been born|not born|gone|not here|not alive)",
        r"(?:god|someone|something) (?:takes|take|would take) me",
        r"join (?:him|her|them) (?:up there|in heaven)|come join (?:him|her|them|me)",
        r"jump(?:ing)? (?:off|from) (?:a|the|my) (?:bridge|roof|cliff|building|car park)|"
        r"(?:jump|step|walk)(?:ing)? in front of (?:a|the) (?:train|bus|lorry|car)",
    ),
    _facet(
        RISK,
        "overdose or poisoning",
        r"overdos\w*",
        r"(?:took|taken|taking|swallowed|swallow|necked|downed|had|drinking and taking) "
        r"(?:\w+ ){0,3}(?:all|load|loads|lot|lots|bunch|handful|box|boxes|packet|packets|pack|"
        r"whole|bottle|too many|extra|double|\d+)(?: \w+){0,3} " + _PILLS,
        _PILLS + r" (?:\w+ ){0,3}(?:an hour|hours|minutes|mins|ago|earlier|last night|"
        r"this morning|just now)",
        r"(?:drank|drunk|drink|drinking|swallowed) (?:some |the )?(?:bleach|antifreeze|"
        r"weedkiller|poison|cleaning)",
        r"stockpil\w*|sav(?:ed|ing) up (?:my |all my |the )?" + _PILLS,
        r"collecting (?:my |the )?" + _PILLS,
    ),
    _facet(
        RISK,
        "self-harm",
        r"self ?harm\w*|self ?injur\w*",
        r"(?:cut|cutting|cuts|burn|burning|burnt|burned|hurt|hurting|harm|harming|scald\w*|"
        r"punch\w*|hit|hitting|bash\w*|starv\w*|scratch\w*|carv\w*|stab\w*|punish\w*|"
        r"injur\w*|bang\w*) (?:" + _SELF + r")",
        r"(?:cut|cuts|cutting|cutted|carved|burned|burnt) (?:on |into )?(?:my|his|her|their) "
        r"(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|stomach|skin|body|chest|hand|hands)",
        r"(?:went|gone|going|back) (?:back )?to cutting|started cutting again|relapsed",
        r"fresh cuts|cuts on (?:my|his|her|their) |blood on (?:my|his|her|their) ",
        r"ligature|noose|razor blade|blades? (?:to|on) (?:my|his|her)",
        r"bang(?:ing)? (?:my|his|her) head",
    ),
    _facet(
        RISK,
        "not safe",
        r"(?:i am|im|i feel|feel|feeling) not safe|do not feel safe|not (?:feel(?:ing)? )?safe "
        r"(?:tonight|today|right now|now|at the moment|with myself|on my own|any more)",
        r"can not keep (?:my ?self|myself) safe|(?:unsafe|in danger) (?:tonight|right now|now)",
    ),
    _facet(
        RISK,
        "farewell",
        r"say(?:ing)? goodbye|this is (?:goodbye|my goodbye|the end)|goodbye (?:forever|for ever)",
        r"last (?:time|message) (?:you will|anyone will|you|anyone) (?:ever )?hear from me",
        r"(?:my )?last (?:message|chance i (?:get|will get|have))|last chance to say",
        r"(?:you will|youll|nobody will|no one will) (?:never )?hear from me again",
        r"(?:look|looking) after (?:my|the) (?:cat|dog|kids|children|pets?|fish|son|daughter)"
        r" (?:for me|when i am gone|after)",
        r"(?:look|looking) after (?:my|the) (?:cat|dog|pets?|fish)",
        r"(?:wrote|written|writing|left) (?:my |a |the )?(?:notes?|letters?|will) (?:for|to)",
        r"sorry for everything|tell (?:my|them|everyone) (?:mum|dad|family|kids)? ?i love",
        r"(?:before|when) i (?:go|am gone)|after i am gone|when i am not here",
        r"(?:will not|do not) (?:be )?need(?:ing)? (?:them|it|my appointments|appointments)",
        # Samaritans' warning signs told quietly: not being a problem for long, at peace
        # with a decision, wishing everyone good lives, thanks for trying, no more calls.
        r"(?:will not|would not) be (?:a |your |anyones )?(?:problem|burden|bother|worry|"
        r"nuisance|trouble) (?:to (?:anyone|you|them|anybody) )?(?:for )?(?:much|very) longer",
        r"(?:i am|feel|feeling) at peace (?:now|with (?:it|my decision|this|what i))|not long now",
        r"(?:hope you|you all|everyone|hope everyone) (?:all )?(?:have |has )?(?:a )?"
        r"(?:good|great|nice|happy|lovely) (?:life|lives)|have a (?:good|nice|great) life",
        r"thank(?:s| you) for trying(?: with me| to help me)?(?:$| x| and| but| i| it)",
        r"will not (?:be )?need(?:ing)? (?:the |my |any |your )?(?:follow ?ups?|call ?backs?|"
        r"calls|visits|appointments)(?! (?:on|this|next|at|until|till|as|because|for))",
        r"(?:will not|wont) be (?:here|around)",
        r"given (?:away|my stuff|my things)|giving (?:away )?(?:my|all my) (?:stuff|things)",
        r"made my will|sorted (?:my|out my) (?:will|affairs|funeral)|funeral (?:songs|plans)",
    ),
    _facet(
        RISK,
        "burden",
        r"(?:better|be better|happier|free|relieved) (?:off )?(?:without me|if i (?:was|were) "
        r"(?:gone|dead|not here|not around|not in it))",
        r"(?:world|everyone|they|family|kids) (?:would be|d be|are) better (?:off )?without me",
        r"nobody would (?:miss|notice|care)|no one would (?:miss|notice|care)",
        r"(?:i am|im) (?:just )?a (?:burden|waste of space|weight)",
        r"no way out|no future|no hope left|nothing (?:left|to live for)|no point (?:any more)?",
    ),
    _facet(
        RISK,
        "voices commanding",
        r"(?:voice|voices|whispers|he|she|they|god|devil|demon) (?:is |are |keeps? |keep )?"
        r"(?:tell|telling|told|says|said|saying|order\w*|command\w*) me to "
        r"(?:kill|hurt|harm|cut|die|jump|end|drink|stab|hit|attack|burn|do it)",
        r"(?:voice|voices) (?:say|says|said) i (?:deserve|should|must|have) to die",
    ),
    _facet(
        RISK,
        "harm to others",
        r"(?:going to|will|gonna|want to|wanna|planning to|about to) "
        r"(?:kill|stab|murder|shoot|hurt|batter|strangle|attack|burn) "
        r"(?:him|her|them|someone|somebody|my|the|a|you|everyone|people|his|that)\b(?! me\b)",
        r"(?:kill|murder|stab|hurt) (?:him|her|them) (?:when|if|tonight|tomorrow|before)",
        r"threat\w* to (?:kill|hurt|stab|shoot) (?!me\b|us\b|my\b)",
        r"(?:do|did) (?:him|her|them) in",
        r"(?:bought|got|have|got a|with) (?:a |the )?(?:knife|machete|gun|hammer|weapon|blade)"
        r" (?:and|to|for|outside|waiting)",
        r"shooting up|shoot up (?:the|my|his|her)",
        r"(?:hurt|harm|kill|smother|drown) (?:my|the) (?:baby|child|kids|children|son|daughter)",
        r"taking the kids with me",
    ),
    _facet(
        RISK,
        "plan or preparation",
        r"(?:going to|will|then|and) (?:do it|end it|go through with it)|doing it (?:tonight|today|"
        r"now|tomorrow|later)",
        r"(?:will not|never) see (?:another|next) (?:january|christmas|birthday|year|week|summer)",
        r"(?:wrote|written|write|writing|left) (?:my |the |a )?(?:notes|note|goodbye letters?)|"
        r"suicide note|goodbye (?:letter|note)s?",
        r"practi[sc]ing with (?:the|a|my) (?:belt|rope|cord|scarf)|life insurance",
        r"(?:rehomed|rehoming|re homed) (?:my|the) (?:cat|cats|dog|dogs|pet|pets|rabbit)",
        r"spare key (?:is )?under|feed my (?:fish|cat|cats|dog|dogs)",
        r"nice knowing (?:you|everyone|every one)|bye (?:everyone|every one|all)|love you all",
        r"none of this (?:is|was) (?:their|your|anyones) fault",
    ),
    _facet(
        RISK,
        "hopeless or a burden",
        r"(?:never|not) going to get better|nothing (?:is )?going to (?:get better|change)",
        r"(?:can not|do not) see (?:any|a) (?:future|way out)|hopeless|no (?:way|escape) out",
        r"can not (?:escape|live with) (?:this|it)|(?:stuck|trapped) (?:in|with) (?:a|this|it)",
        r"(?:i am|im|just) in the way|(?:drag|dragging) (?:everyone|people|them) down",
        r"(?:one|1) less (?:thing|person|mouth|problem)|better (?:life|lives) (?:if|without) i",
        r"if i (?:was|were) not (?:in it|here|around)|nothing ahead|what is left",
        r"(?:would|will) (?:get over it|be relieved|not even notice)",
    ),
    _facet(
        RISK,
        # NICE NG69 and the Royal College of Psychiatrists' guidance on medical
        # emergencies in eating disorders; NICE CG115 on drinking with a wish not to wake.
        "eating disorder or substance use in danger",
        r"(?:have not|havent|not|had nothing) eaten (?:anything |properly |a thing )?"
        r"(?:for|in) (?:\w+ )?(?:days|weeks|a week)",
        r"making (?:my ?self|myself) (?:be )?sick|purg(?:e|es|ing|ed)\b",
        r"(?:blacking|blacked|passing|passed) out (?:when|every|all the)",
        r"(?:do not|dont) care (?:if|whether) i (?:wake|wake up|do not wake|make it)|"
        r"if it takes me",
    ),
    _facet(
        RISK,
        "self-harm (other ways)",
        r"(?:pulling|pull|pulled) (?:out )?(?:my|her|his) hair|picking (?:at )?(?:my|her|his) skin",
        r"(?:till|until) it bleeds|carved|burn(?:ed|t|ing)? (?:my|her|his) (?:arm|arms|hand|leg)",
        r"(?:took|taken|swallowed|taking) (?:\w+ ){0,2}(?:mums|dads|nans|grans|mothers|fathers|"
        r"partners|sisters|brothers|friends|husbands|wifes|flatmates) (?:tablets|pills|medication)",
        r"(?:tablets|pills) one by one|\b(?:i|she|he|they) odd\b",
        r"(?:tablets|pills) (?:\w+ ){0,2}counted(?: out)?|counted out (?:my |the |all )?"
        r"(?:tablets|pills)|research(?:ed|ing)? (?:\w+ ){0,2}(?:methods|ways to die|how to die)",
        r"(?:swap|trade|change) places with (?:anyone|someone|somebody|people) (?:\w+ )?dying",
        r"(?:relieved|glad|happy|pleased) if (?:i|they told me i|the doctor said i) "
        r"(?:got|had|was told i had|found out i had) (?:cancer|a terminal|something terminal)",
        r"engine running (?:in|inside) (?:the )?garage|garage with the engine running|"
        r"(?:hose|pipe) (?:to|from|on) the exhaust",
        r"(?:waiting|wait) for (?:the )?(?:fast|express|next fast|non stopping) train|"
        r"walk(?:ing)? (?:into|in front of) (?:the )?(?:traffic|road|cars|lorries)",
    ),
    _facet(
        RISK,
        "psychosis with danger",
        r"(?:voice|voices|whispers|demon|devil|tv|radio) .{0,60}\b(?:kill|hurt|harm|cut|die|jump|"
        r"stab|hit|attack|burn|dead|possessed|do it|make me)",
        r"(?:telling|tells|told|wants) (?:him|her|me) to (?:kill|hurt|stab|attack)",
        r"cut it out (?:of )?(?:my ?self|myself)|chip in my (?:head|brain)|possessed",
    ),
    _facet(
        RISK,
        "threat to others",
        r"(?:ill|i will|i am going to|going to|gonna) (?:kill|stab|burn|batter|hurt|strangle|shoot|"
        r"put (?:him|her) through)(?! me\b| us\b| my ?self\b| your ?self\b)",
        r"going to (?:kill|hurt|stab) (?:mum|dad|my|his|her)|(?:is|are) going to pay",
        r"(?:has|have) it coming|(?:she|he|they) will regret it|bringing something",
        r"sharpening (?:knives|a knife|the knife)|(?:got|has|with) the (?:hammer|knife|axe)",
    ),
    _facet(
        SAFEGUARDING,
        "abuse described",
        r"restrain\w* (?:\w+ ){0,3}for no reason|(?:leave|leaves|leaving|left) (?:\w+ ){0,5}"
        r"(?:alone|on their own|by themselves) (?:in|at) (?:the )?(?:flat|house|home)",
        r"if (?:i|you) tell (?:anyone|any one|anybody|any body)|all dads do it",
        r"(?:does|did) stuff|sp?e(?:cial|shul) game|hurts (?:his|her|my) (?:bottom|private|willy)",
        r"(?:flat|house|home) (?:on their own|alone)|been alone since|"
        r"(?:left|leaves) (?:us|them|me) alone|(?:does not|can not|do not) get (?:out of bed|up)",
        r"nobodys come|forgets (?:us|me)",
        r"(?:no|not had any|run out of) (?:food|dinner|tea|breakfast)|mould everywhere|"
        r"(?:not|have not|havent) been to school|just a nappy|(?:will not|wont) take me to the",
        r"talk in secret|delete (?:all )?(?:our|the) (?:messages|chats)|secret app",
        r"(?:i am|im) 1[0-5]\b(?! (?:out|minutes|mins|hours|days|weeks|times))|aged 1[0-4]\b",
        r"man from (?:snap|snapchat|the app|tiktok|insta|instagram|discord|online|the game)|"
        r"(?:met|meet) (?:someone|a man|him|a guy) (?:on|online)|vapes and money|come to his "
        r"(?:car|flat|house)|(?:sent|gave|give|gives) me (?:a new phone|money|vapes|gifts)",
        r"line to run|run (?:a|the) line|made me do (?:a robbery|robberies|crime)|"
        r"(?:store|storing|hiding|hide) (?:weapons|drugs)|found in another (?:county|town)",
        r"broken (?:her|his|my) (?:arm|nose|ribs|jaw|wrist)|hides my|coming to find (?:us|me)",
        r"(?:will not|wont|does not) let (?:me|us|her|him) (?:take|see|go|have|leave|call|eat)",
        r"no one will believe me|nobody will believe me",
        r"(?:did not|didnt) agree to|lose my job if|said stop|(?:did not|didnt) stop|"
        r"drove (?:me )?to .{0,20}car park|something happened",
        r"taking money from|(?:takes|took|taking) (?:all )?(?:his|her|my) (?:pip|benefits|"
        r"pension|money)|(?:shoved|smacked|slapped) (?:my|the)|sit in the dark",
    ),
    _facet(
        SAFEGUARDING,
        "abuse named",
        r"safeguarding|abus(?:e|ed|ing|ive|er)|domestic (?:violence|abuse)|"
        r"coercive|controlling (?:me|behaviour)|grooming|groomed|exploit\w*|trafficked|"
        r"county lines|modern slavery|forced marriage|cuckoo\w*",
        r"rap(?:e|ed|ing|ist)|sexually assaulted|assaulted|molest\w*|spiked",
        r"(?:touch|touches|touched|touching) (?:me|my|her|him)",
        r"(?:makes|made|forced|force|forcing) (?:me|her|him|us) (?:to )?"
        r"(?:have sex|do (?:stuff|things|it)|watch|touch|sleep with|take (?:my|her|his) clothes)",
        r"(?:does|did) (?:stuff|things) to (?:me|her|him)",
        r"(?:secret|special) game|(?:our|a) (?:little )?secret",
        r"(?:hits|hit|beats|beat|beaten|punches|punched|kicks|kicked|chokes|choked|strangles|"
        r"strangled|slaps|slapped|shoves|shoved|smacks|smacked|bites|bit) "
        r"(?:me|her|him|us|my mum|my mom|my dad|the kids|my son|my daughter)",
        r"(?:he|she|they) (?:hurts|hurt) (?:me|us|my)",
        r"(?:scared|afraid|frightened|terrified) (?:to go home|of (?:him|her|my partner|my husband"
        r"|my wife|my dad|my mum))",
        r"(?:kill|hurt) me (?:and|if)|said (?:if|he|she) .{0,30}(?:kill|hurt) (?:me|us|my)",
        r"threat\w* to (?:kill|hurt|stab|shoot) (?:me|us|my)\b",
        r"(?:he|she|they|hes|shes) (?:is |are )?(?:going to|will|gonna) "
        r"(?:kill|hurt|batter) (?:me|us)",
        r"(?:child|children|kids|kid|baby|son|daughter|they) (?:is|are) not safe",
        r"(?:takes|took|taken|has|keeps|kept) (?:my|her|his|our|everyones) "
        r"(?:bank ?card|card|pin|money|pension|benefits|passport|documents|phone|wages|pip)",
        r"not allowed (?:to|out)|(?:locks|locked|lock) (?:me|her|him|us|them) (?:in|out)",
        r"(?:reads|checks|tracks|monitors) (?:my|all my) (?:phone|messages|texts)|tracker on",
        r"(?:pics|pictures|photos|nudes) (?:of me|of my)|asking (?:me )?for (?:pics|pictures|"
        r"photos|nudes)|take my top off|webcam",
        r"(?:meet|meeting) (?:up|him|a man|someone) .{0,40}(?:not to tell|secret|do not tell)",
        r"(?:not to|do not|dont) tell (?:my|your|anyone|anybody)",
        r"(?:carry|carrying|run|running|hold|holding|hide|hiding|move|moving|deliver\w*) "
        r"(?:packages|drugs|gear|parcels|a line|lines|stuff|weapons|money)",
        r"trap house|plugging|debt (?:bondage|for bringing)|(?:took|take|taken) our passports",
        r"left (?:alone|on (?:their|his|her) own|home alone)|home alone",
        r"(?:no|not any) (?:food|heating|electric|gas|money for food)",
        r"nobody (?:has )?(?:come|came|picked) (?:for|me)|no one (?:has )?(?:come|came|picked)",
        r"(?:wet|soiled) pads|pressure sores|bruises on",
        r"(?:loans?|debts?|credit cards?) in (?:my|her|his) name|changed (?:her|his) will",
    ),
)

# Means, a time and intent: each alone is ordinary; two together raise an alert.
_MEANS = re.compile(
    r"\b(?:"
    + _PILLS.replace("medication|prescription|", "")
    + r"|rope|belt|belts|cord|bridge|train|tracks|railway|platform|cliff|"
    r"roof|multi storey|car park roof|motorway|knife|knives|blade|blades|razor|bleach|gas|"
    r"exhaust|river|sea|canal|reservoir|drown|jump|jumping|hang|hanging|gun|ladder|"
    r"banister|loft|oven)\b"
)
_WHEN = re.compile(
    r"\b(?:tonight|tomorrow|today|this weekend|this week|at \d+|\d+ ?am|\d+ ?pm|"
    r"when (?:everyone|every one|the house|they|he|she|the kids)|after (?:the|my|they|he|she)|"
    r"(?:new years|christmas|birthday|friday|saturday|sunday|monday|tuesday|wednesday|"
    r"thursday)|right now|soon|later|the date|on my way)\b"
)
_INTENT = re.compile(
    r"\b(?:going to|planning|plan|planned|decided|ready|got everything|do it|doing it|"
    r"go through with it|the night|the day|how (?:i would|to) do it|how easy|how many|"
    r"thinking (?:about|of)|thought about|keep (?:looking|picturing|thinking))\b"
)

# Welsh changes a word's first letter after some words ("bywyd", life; "fy mywyd", my
# life; "ei fywyd", his life): the soft, nasal and aspirate mutations. `_cy` writes a
# word in all of its forms, so each phrase below is written once in its plain form.
_MUTATIONS = (
    ("ll", ("l",)),
    ("rh", ("r",)),
    ("p", ("b", "mh", "ph")),
    ("t", ("d", "nh", "th")),
    ("c", ("g", "ngh", "ch")),
    ("b", ("f", "m")),
    ("d", ("dd", "n")),
    ("g", ("", "ng")),
    ("m", ("f",)),
)


def _cy(pattern: str) -> str:
    """A Welsh pattern with each word marked ``~`` in any of its mutated forms."""

    def forms(match: re.Match[str]) -> str:
        word = match.group(1)
        found = [word]
        if not word.startswith(("ch", "dd", "ff", "ng", "th", "ph")):
            for plain, mutated in _MUTATIONS:
                if word.startswith(plain):
                    found += [m + word[len(plain) :] for m in mutated]
                    break
        return "(?:" + "|".join(dict.fromkeys(found)) + ")"

    return re.sub(r"~(\w+)", forms, pattern)


_CY_ME = r"(?:fy|ei|dy|eu) (?:hun|hunan|hunain)"
_CY_PILLS = _cy(r"(?:~tabledi|~tabled|pils|~pilsen|~paracetamol|~moddion|~meddyginiaeth)")

WELSH_FACETS: tuple[Facet, ...] = (
    _facet(
        RISK,
        "Welsh: suicide or wanting to die",
        r"(?:l?ladd|nladd|lladd) " + _CY_ME + r"|hunanladd\w*",
        r"(?:eisiau|isio|isie|moyn|am|yn mynd i|dymuno) " + _cy("~marw"),
        r"(?:eisiau|isio|isie|moyn|gwell gen i|gwell gyda fi) " + _cy("~bod yn ~marw"),
        r"ddim (?:eisiau|isio|isie|moyn|am) (?:byw|bod yma|bod yn fyw|" + _cy("~deffro") + ")",
        r"(?:rhoi|dod a(?:r)?) (?:diwedd|terfyn) ar|(?:gorffen|diweddu) (?:y cyfan|popeth|bopeth)",
        # "dod i ben", to come to an end: "i'r cyfan ddod i ben" (for it all to end), "dod
        # â'r cyfan i ben" (to bring it all to an end), "fy mywyd ... i ben".
        r"(?:cyfan|popeth|bopeth) (?:ddod|dod) i ben|(?:dod|ddod) a(?:r| r)? ?(?:cyfan|popeth|"
        r"bopeth) i ben|" + _cy(r"~bywyd (?:\w+ ){0,2}i ben"),
        _cy(r"(?:~cymryd|~diweddu|~gorffen) (?:fy|ei) ~bywyd"),
        r"dim pwynt (?:byw|mynd ymlaen)|methu (?:mynd ymlaen|cario ymlaen|dal ati)|"
        + _cy(r"wedi ~blino ar (?:~byw|~bywyd|bopeth)"),
        _cy(r"(?:~gwell|~hapusach) (?:\w+ ){0,2}(?:~byd )?(?:hebdda i|hebddo i|heb fi|hebdda fi)"),
        _cy(r"~baich ar|hwyl fawr am byth|~ffarwel\w*|neb yn (?:~colli|~gweld) fy (?:eisiau|isio)"),
        _cy(r"~tro (?:olaf|ola) (?:\w+ ){0,4}(?:~clywed|~gweld) (?:gen i|gennyf|wrtha i|fi)"),
        r"(?:crogi|boddi|saethu|gwenwyno) (?:fy|ei|dy) (?:hun|hunan)|neidio (?:oddi ar|o flaen|i)",
        r"(?:rhoi|rhoir) gorau i fyw|does (?:dim|na ddim) gobaith|anobeithiol|dim dyfodol|"
        + _cy(r"(?:dim|does dim) ~ffordd allan"),
        r"(?:nodyn|llythyr) ffarwel|(?:nodyn|nodiadau) i (?:mam|dad|bawb)",
        r"ddim yn (?:saff|ddiogel)(?: heno| rwan| nawr)?",
        r"(?:l?ladd|nladd) (?:o|fo|hi|nhw|ef|e|rhywun)\b|(?:cyllell|gwn) .{0,30}(?:ladd|brifo)",
        _cy(r"(?:~lleisiau|~llais) .{0,40}(?:~lladd|~brifo|~neidio|~marw|~torri)"),
        _cy(r"(?:~casglu|~cadw|~cuddio|~cynilo) (?:fy |ei )?(?:\w+ )?") + _CY_PILLS,
        _cy(r"(?:eisiau|isio|isie|moyn) ~diflannu (?:am byth|o ~bawb|\w+ ~bywyd)?"),
        _cy(r"na (?:fydda|wna|wnai) i(?:n)? ~deffro|(?:~gobeithio|~gweddio) (?:\w+ ){0,3}~deffro"),
        _cy(
            r"(?:~methu|ddim yn ~gallu|~ffaelu) (?:~cadw|~cadwn) fy (?:hun|hunan) yn "
            r"(?:~saff|~diogel)|ddim yn ~teimlo (?:yn |n )?(?:~saff|~diogel)"
        ),
        _cy(r"~sori am (?:bopeth|~popeth)|hwyl fawr i (?:bawb|~pawb)"),
        _cy(r"~gofalwch am (?:mam|dad|y plant|y ci|y gath|fy)"),
        _cy(
            r"(?:heb|ddim wedi) ~bwyta (?:dim byd )?(?:ers|am) (?:\w+ ){0,2}"
            r"(?:~dyddiau|~diwrnod|~wythnos)"
        ),
        _cy(
            r"(?:~rhoi|~rhannu) fy (?:~pethau|~stwff) (?:i ffwrdd|i gyd)|~trefnu fy (?:~pethau|"
            r"~angladd|~ewyllys)"
        ),
    ),
    _facet(
        RISK,
        "Welsh: self-harm or overdose",
        r"(?:niweidio|anafu|brifo|torri|llosgi) (?:fy|ei|dy) (?:hun|hunan|mreichiau|mraich|"
        r"nghoesau|nghoes|arddwrn)",
        r"hunan ?niweidio|gorddos\w*",
        r"(?:cymryd|cymerais|cymryd llwyth o|llyncu|llyncais|wedi cymryd|wedi llyncu) .{0,30}"
        + _CY_PILLS,
    ),
    _facet(
        SAFEGUARDING,
        "Welsh: abuse",
        r"(?:fy|ei) (?:nharo|taro|churo|curo|cicio|nghicio|mrifo|brifo|nhreisio|threisio)",
        r"(?:taro|curo|cicio|brifo) (?:fi|fo|hi|ni|nhw)|cam ?drin|camdriniaeth|treisio|"
        r"treisiodd",
        r"ofn mynd (?:adra|adref|gartre|adre)|bygwth (?:fy|ei) (?:lladd|ladd|mrifo)",
        r"(?:cyffwrdd|cyffwrdd a) (?:fi|fy)|cymryd fy (?:arian|ffon|ngherdyn|mhasbort)",
        r"ar (?:fy|ei|eu) (?:pen|pennau) (?:fy|ei|eu) hun(?:ain)?",
        r"(?:fy|ei) (?:nhagu|tagu|dyrnu|nyrnu|ngham ?drin)|esgeulus\w*|dim bwyd",
        r"(?:anfon|yrru|gyrru) lluniau|cadw(?:n)? (?:fy|ei) (?:arian|pasbort|ffon)",
        r"(?:ddim yn )?cael (?:mynd allan|gweld fy (?:ffrindiau|nheulu))",
        _cy(r"(?:~cymryd|~dwyn) (?:\w+ )?(?:~arian|~pres|~pensiwn) (?:\w+ ){0,2}(?:o|oi|oddi ar)"),
        _cy(r"(?:~gofyn am|eisiau|isio|~anfon) (?:\w+ )?(?:~lluniau|~llun)"),
        _cy(
            r"(?:~peidio|~paid|ddim i) (?:~dweud|~deud|~son) (?:wrth|wrtha) "
            r"(?:mam|dad|neb|unrhyw)"
        ),
        _cy(r"(?:~cario|~gwerthu|~symud|~cuddio) (?:\w+ )?(?:~cyffuriau|~pecynnau|~pecyn|~arfau)"),
        _cy(
            r"~gwirio fy (?:~ffon|~negeseuon)|ddim yn cael ~gadael y ~ty|"
            r"~ofn (?:arno fo|arni hi|fy ~partner|fy ~gwr|fy ~gwraig)"
        ),
        _cy(
            r"~gadael (?:ni|nhw|y plant|y ~babi) (?:\w+ ){0,3}"
            r"(?:ar (?:ein|eu) ~pennau|~pen (?:ein|eu) hunain)"
        ),
        _cy(r"~cleisiau (?:ar|dros) (?:fy|ei|eu)|~gweithio heb ~cyflog|ddim yn cael fy ~talu"),
        _cy(
            r"~darllen fy (?:~negeseuon|~tecsts|~ebyst)|ddim yn ~gadael i (?:fi|mi) "
            r"(?:~gweld|~mynd|~siarad)"
        ),
    ),
)

# Means, a time and intent in Welsh: as in English, two together raise an alert.
_CY_MEANS = re.compile(
    r"\b(?:"
    + _CY_PILLS
    + "|"
    + _cy(r"~rhaff|~pont|~tren|~rheilffordd|~afon|~clogwyn|~cyllell|~llafn|~nwy|~gwn")
    + r")\b"
)
_CY_WHEN = re.compile(
    r"\b(?:heno|yfory|fory|heddiw|nos (?:fory|yfory)|penwythnos (?:yma|hwn)|rwan|nawr)\b"
)
_CY_INTENT = re.compile(
    r"\b(?:"
    + _cy(
        r"wedi ~prynu|wedi ~penderfynu|yn mynd i|~cynllun\w*|~barod|(?:y|yr) ~noson|"
        r"(?:y|yr) ~diwrnod|~gwneud o|~gwneud e|~meddwl am"
    )
    + r")\b"
)


@dataclass(frozen=True)
class Hit:
    concern: str
    facet: str
    words: str


def without_idioms(normalised: str) -> str:
    return _IDIOM_RE.sub(" ", normalised)


def search(normalised: str) -> list[Hit]:
    """Every facet the text shows, with the words that showed it (at most one a facet).
    Welsh facets are always looked for: their words do not occur in English."""
    text = without_idioms(normalised)
    hits = []
    for facet in (*FACETS, *WELSH_FACETS):
        match = facet.pattern.search(text)
        if match:
            hits.append(Hit(facet.concern, facet.name, match.group(0)))
    for name, (means, when, intent) in (
        ("means with a time or intent", (_MEANS, _WHEN, _INTENT)),
        ("Welsh: means with a time or intent", (_CY_MEANS, _CY_WHEN, _CY_INTENT)),
    ):
        found = [p.search(text) for p in (means, when, intent)]
        together = [m for m in found if m]
        if found[0] and len(together) >= 2:
            hits.append(Hit(RISK, name, " … ".join(m.group(0) for m in together)))
    return hits
