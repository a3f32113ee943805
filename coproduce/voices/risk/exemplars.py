"""Exemplars for the semantic layer of the risk screen.

The sentence encoder (all-MiniLM-L6-v2) compares each incoming message with this bank, and a
small logistic head is trained on it, so that a message which says what an exemplar says,
in other words, is brought to a person's attention. Each exemplar is a short message with a
concern (`risk_to_life`, `safeguarding` or `ordinary`), a facet (what it shows) and the key
of the published source it follows.

Every exemplar was written for this project, in plain words, following the published source
named beside it. None is quoted from a source, from a real person or from the frozen
evaluation set, which was not seen while writing. All of it is synthetic: the people, wards
and places are invented, and the only phone number is in the 07700 900xxx range kept for
drama.

At-risk exemplars vary the register on purpose: plain, clinical, text-speak, lower case,
misspelt, indirect; first person, and third person (a parent, carer, friend, neighbour,
teacher or worker writing about someone else); something just done, happening now, or
planned. Ordinary exemplars are the hard negatives: strong words without a current risk
(thanks for a life saved in the past, idioms such as "dying for a cuppa", a crisis that is
over, news and training about suicide or abuse), complaints, admin and small talk.

The bank helps decide which messages a person reads first; it does not predict who will
come to harm. NICE NG225 advises against using risk assessment tools and scales to predict
suicide or repeat self-harm, or to decide who is offered care, and nothing here should be
used that way.

Sources, by the key used in `Exemplar.source`:

- `C-SSRS 1` to `C-SSRS 6`: Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide
  Severity Rating Scale: initial validity and internal consistency findings from three
  multisite studies with adolescents and adults. Am J Psychiatry 2011;168(12):1266-77.
  The screener's items 1-6: wish to be dead; non-specific active suicidal thoughts;
  thoughts with a method; some intent to act; a specific plan with intent; suicidal
  behaviour, including preparatory acts.
- `C-SSRS timeframe`: the same screener's recall periods (the past month for thoughts,
  the past three months for behaviour), which put a crisis that is over outside current
  risk.
- `NICE NG225`: National Institute for Health and Care Excellence. Self-harm: assessment,
  management and preventing recurrence. NICE guideline NG225, 2022.
- `Samaritans`: Samaritans' published guidance on the warning signs that someone may be
  struggling to cope or thinking of suicide, and its helpline guidance on talking to
  someone who is.
- `Samaritans media`: Samaritans, Media guidelines for reporting suicide.
- `NICE NG10`: National Institute for Health and Care Excellence. Violence and aggression:
  short-term management in mental health, health and community settings. NICE guideline
  NG10, 2015.
- `NSPCC sexual`, `NSPCC CSE`, `NSPCC neglect`, `NSPCC online`, `NSPCC physical`: NSPCC,
  the categories of child abuse it describes (child sexual abuse; child sexual
  exploitation; neglect; online abuse and grooming; physical abuse).
- `Care Act physical`, `Care Act domestic`, `Care Act sexual`, `Care Act psychological`,
  `Care Act financial`, `Care Act organisational`, `Care Act neglect`, `Care Act
  self-neglect`: Department of Health and Social Care. Care and support statutory guidance
  (under the Care Act 2014), paragraph 14.17, the categories of abuse and neglect.
  So-called honour-based abuse and forced marriage are filed with domestic abuse.
- `SCA 2015 s76`: Serious Crime Act 2015, section 76: controlling or coercive behaviour in
  an intimate or family relationship.
- `Home Office CCE`: Home Office. Criminal exploitation of children and vulnerable adults:
  county lines guidance (including cuckooing of an adult's home).
- `MSA 2015`: Modern Slavery Act 2015 (slavery, servitude, forced or compulsory labour and
  human trafficking).
- `NHS England safeguarding`: NHS England. Safeguarding children, young people and adults
  at risk in the NHS: safeguarding accountability and assurance framework.
- `NHS FFT`: NHS England. Friends and Family Test guidance (praise, complaints and carers'
  feedback as people give it).
- `idiom`, `admin`, `small talk`: everyday English and service messages, written for the
  project to teach the head what is ordinary; they follow no clinical source.
"""

from __future__ import annotations

from typing import NamedTuple


class Exemplar(NamedTuple):
    text: str
    concern: str  # "risk_to_life", "safeguarding" or "ordinary"
    facet: str  # what the message shows, e.g. "passive death wish", "harmless idiom"
    source: str  # short source key, listed in the module docstring


EXEMPLARS: tuple[Exemplar, ...] = (
    # risk_to_life: passive death wish
    Exemplar(
        "Some nights I hope I just don't wake up in the morning.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "i keep wishing i could go to sleep and never wake up",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I wouldn't mind if a bus hit me tomorrow, honestly.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar("wish i was never born tbh", "risk_to_life", "passive death wish", "C-SSRS 1"),
    Exemplar(
        "I want to disappear and for nobody to notice I've gone.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "It would be easier all round if I simply stopped existing.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Part of me prays I won't make it through the night.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "my mum keeps saying she wishes god would take her in her sleep",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Since the funeral my dad says he'd rather be with her than here.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar("i dont want to be here anymore", "risk_to_life", "passive death wish", "C-SSRS 1"),
    Exemplar(
        "wud b nice to just not exist for a bit. or forever",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "If I got ill and died I think I'd feel relieved.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'm tired of living. Not planning anything, just worn out with life.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My 15 year old told me she wishes she'd die so it would all stop.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Every morning I'm disappointed to still be alive.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "id happily fade away and never come back", "risk_to_life", "passive death wish", "C-SSRS 1"
    ),
    Exemplar(
        "If only I could vanish off the face of the earth.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My husband has started saying he hopes his heart gives out.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "wish i cud sleep forever n not deal wiv any of it",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "I'd describe it as a passive death wish, most days this month.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Don't care if I live or die at this point.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Honestly I'd welcome it if something fatal happened to me.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "my friend keeps posting that she wants to stop existing",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "Wouldnt bother me if i didnt wake up tomoz",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    Exemplar(
        "My elderly neighbour told me she's ready to go and wishes it would hurry up.",
        "risk_to_life",
        "passive death wish",
        "C-SSRS 1",
    ),
    # risk_to_life: active suicidal thoughts
    Exemplar(
        "I've been thinking about killing myself.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar("i want to kms", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar(
        "thinking about unaliving myself again",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar("I just want to end it all.", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"),
    Exemplar(
        "Suicide is on my mind constantly and it won't leave my head.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "honestly considering sewer slide rn",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Thoughts of offing myself are nonstop today.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "I don't want to be around anymore, like properly not be around.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "suicidal again. same as last spring",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "My brother told me last night he's had thoughts of taking his own life.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Sometimes I think about ending my life and it scares me.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "i want to die. not sleep, die.", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"
    ),
    Exemplar(
        "Daily thoughts of suicide for the past fortnight.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Cant stop thinkin bout toppin myself",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "my daughter wrote in her diary that she wants to kill herself",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "I've had suicidal ideation on and off this month, worse tonight.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "want to unalive fr this time", "risk_to_life", "active suicidal thoughts", "C-SSRS 2"
    ),
    Exemplar(
        "The only thought I have left is ending my own life.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "A pupil in my class told me she thinks about killing herself.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "ngl been thinking about ending things",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Im suicidle and I dont know who to tell",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "The idea of taking my life keeps popping up at work.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "my partner says he wants to end it and I don't know if he means us or himself",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "Having dark thoughts about doing myself in, stronger than usual.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "My mate keeps saying 'might just kms lol' but he's not laughing.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    Exemplar(
        "As a GP receptionist I spoke to a man who said he wants to kill himself.",
        "risk_to_life",
        "active suicidal thoughts",
        "C-SSRS 2",
    ),
    # risk_to_life: thinking about a method
    Exemplar(
        "I keep looking at my tablets and thinking about taking the lot.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Hanging myself has been on my mind.", "risk_to_life", "thinking about a method", "C-SSRS 3"
    ),
    Exemplar(
        "Eyeing my belt and wondering about using it on myself.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "thinking about using a ligature again",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I stood on the bridge on the way home and thought about going over.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "every time a train comes in i think about stepping in front",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I picture walking out into the traffic on the dual carriageway.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "When I drive I think about steering into a lorry.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've imagined jumping from the top of the multi-storey car park.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've been thinking of walking into the sea and not coming back.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "The kitchen knives are all I can think about tonight.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "thinking of leaving the gas on n going to sleep",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've wondered about drinking the bleach under the sink.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "My son has been asking where his uncle keeps the shotgun and talking about death.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I know which cliff I'd go to if I did it.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Could do it with my insulin, that thought won't go away.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "the river near mine looks so calm, keep thinking bout going in",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "She told me she's thought about crashing her car on purpose.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Looking at the rope in the shed and my mind goes there.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I think about the railway line every day on my walk.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "I've been wondering how many pills it would take.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Thought about jumpin off the balcony last nite",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Had the idea of cutting deep enough that it would be the end.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "My dad has been talking about driving off somewhere remote and never returning.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    Exemplar(
        "Been eyeing up the top floor windows at uni, wondering if it's high enough.",
        "risk_to_life",
        "thinking about a method",
        "C-SSRS 3",
    ),
    # risk_to_life: intent with plan or time
    Exemplar(
        "I've decided. I'm going to do it tonight when everyone's asleep.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I'm going to take all my tablets on Friday after work.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I intend to act on these thoughts this time.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "Plan is sorted, bridge on sunday morning",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "i'm gonna kms after my shift tmrw", "risk_to_life", "intent with plan or time", "C-SSRS 5"
    ),
    Exemplar(
        "Once the kids are at their dad's this weekend I'm going to end it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I've worked out exactly how and when. It'll be on my birthday.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I'm going to hang myself when my flatmate goes away on Tuesday.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "My wife says she's going to walk into the river tonight and she means it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "This time I'm actually going to go through with it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "Not just thinking anymore, I'm going to act on it.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "after my mum's anniversary on the 3rd i wont be here",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Im going to jump from the hospital car park later",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "I've set a date. The end of the month.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "going to crash the car on the way home, already decided",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "My friend said she'll take her pills at midnight and not to stop her.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "i'm doing it today. i mean it.", "risk_to_life", "intent with plan or time", "C-SSRS 4"
    ),
    Exemplar(
        "I have a plan and I intend to carry it out.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Tonight's the night, it's all worked out.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Next week when the house is empty, that's when.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "Decided I'll end things before Christmas.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "The pull to do something is getting stronger and I think I will soon.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 4",
    ),
    Exemplar(
        "If my results are bad on Thursday I'm killing myself that afternoon.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    Exemplar(
        "My client told me he has a plan to end his life on the day his benefits stop.",
        "risk_to_life",
        "intent with plan or time",
        "C-SSRS 5",
    ),
    # risk_to_life: preparatory acts
    Exemplar(
        "I've been saving up my tablets for weeks and now I've got loads.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Bought some rope today. I know what it's for.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've written letters to my children to open after I'm gone.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Made a will yesterday even though I'm 24.", "risk_to_life", "preparatory acts", "C-SSRS 6"
    ),
    Exemplar(
        "i gave my guitar and my xbox to my cousin, wont need them",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've found a new home for my cat so she's looked after.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Sorted my bank stuff and passwords so my sister can deal with it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Went up to the bridge last night to see how high it is.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Spent all night looking up online how people do it.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I practised with the belt last night but stopped.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My son has been giving away his things and I found a note in his room.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "ive got the pills lined up on the table", "risk_to_life", "preparatory acts", "C-SSRS 6"
    ),
    Exemplar(
        "Cancelled my gym and phone contract, tying up loose ends.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've paid off what I owe so nobody's left with debts after.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Found paracetamol hidden in my daughter's wardrobe, loads of packets.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar("Wrote my suicide note this morning.", "risk_to_life", "preparatory acts", "C-SSRS 6"),
    Exemplar(
        "Been to three different chemists so I could buy more paracetamol.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I've rehomed my dog and cleaned the flat top to bottom.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Put my funeral wishes in writing and left them on the side.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My flatmate has been labelling his belongings with people's names.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "I took the tablets out and held them, then put them back.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Drove to the cliffs yesterday and sat there for an hour deciding.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "i deleted all my socials and sent my ex my passwords",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "My dad's been to the solicitor, sorted his life insurance, and won't say why.",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "i searched which bridges near me have no barriers",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    Exemplar(
        "Ive been collecting my nans old meds from her cupboard",
        "risk_to_life",
        "preparatory acts",
        "C-SSRS 6",
    ),
    # risk_to_life: farewell and finality
    Exemplar(
        "Thank you for everything you've done. This is goodbye.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "This is the last time you'll hear from me.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Please cancel my appointments, I won't be needing them.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Can someone look after my dog after today?",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "tell my mum i love her and im sorry", "risk_to_life", "farewell and finality", "Samaritans"
    ),
    Exemplar(
        "A final thank you to the team before I go for good.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Could you make sure my son gets to his nan's? I won't be around to take him.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "bye everyone. it was nice knowing some of you",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "I won't be at my review next week, or any week after.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Sorry for all the trouble I've caused. You won't have to worry about me after tonight.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "You've been kind. Remember that you tried.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Please don't blame yourselves for what happens.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "this is my last message to the service",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "If anyone asks, tell them I was at peace at the end.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "No need to ring me back, I'll be gone by then.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Take my name off your list, I'm done with all of it.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Can the team make sure my cat gets fed from tomorrow, there'll be no one here.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Goodbye, and thanks for trying with me.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar(
        "Whoever reads this, my sister's details are in the kitchen drawer for afterwards.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    Exemplar("last txt. love u all x", "risk_to_life", "farewell and finality", "Samaritans"),
    Exemplar(
        "My mum sent the whole family a message thanking us for everything, out of nowhere.",
        "risk_to_life",
        "farewell and finality",
        "Samaritans",
    ),
    # risk_to_life: burden, hopelessness or trapped
    Exemplar(
        "Everyone would be better off without me.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm just a burden to my family.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "There's no way out of this.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I can't see any future for myself at all.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Nothing is ever going to get better, what's the point.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "i feel trapped and theres no escape",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My kids would have a better life if I wasn't dragging them down.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm a waste of space and money.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "No point going on. It's hopeless.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My dad keeps saying he's just a drain on us since his stroke.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm stuck in a room with no door.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I've lost everything, there's nothing left to live for.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I'm too much for everyone, they'd be relieved if I was gone.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "whats the point of anything anymore",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Cant keep going like this, im out of options",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Feel like a weight round everyone's neck.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "There is no light at the end of it. There never will be.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "My friend calls herself pointless and says everyone would cope fine without her.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "I've run out of reasons to keep trying.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "The years ahead are blank. I can't picture being here next spring.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "i feel like evryone wud be beter off if i wasnt here",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    Exemplar(
        "Since losing the business my husband says he's failed us and there's no way back.",
        "risk_to_life",
        "burden, hopelessness or trapped",
        "Samaritans",
    ),
    # risk_to_life: self-harm act or urge
    Exemplar(
        "I cut myself again last night.", "risk_to_life", "self-harm act or urge", "NICE NG225"
    ),
    Exemplar(
        "Relapsed after eight months, cut my thighs.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "i burnt my arm with a lighter", "risk_to_life", "self-harm act or urge", "NICE NG225"
    ),
    Exemplar(
        "I poured boiling water on my hand on purpose.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I've been punching walls until my knuckles bleed.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "keep banging my head against the wall till it goes quiet",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I pulled out a patch of my hair and my scalp is bleeding.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I've picked my skin so much there are open sores everywhere.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "The urge to cut is really strong right now.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My cuts look infected, red and hot and there's pus.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "The cut on my arm won't stop bleeding and might need stitches.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I found blood on my son's sheets and cuts on his forearms.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My daughter's 13 and I've seen burns on her wrists she says are from the oven.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar("sh urges bad tonight", "risk_to_life", "self-harm act or urge", "NICE NG225"),
    Exemplar(
        "I hurt myself again so I could feel something.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I scratched my arms raw with a compass at school.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I tied something round my neck tonight but took it off.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My partner has started hitting himself in the face when he's stressed.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "A student showed me fresh marks on her arm today and asked me not to tell.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "Keep thinking about reaching for the razor blades.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar("i want to hurt myself so bad", "risk_to_life", "self-harm act or urge", "NICE NG225"),
    Exemplar(
        "Scalded myself in the shower again, I turn it as hot as it goes to punish myself.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "Clean for 100 days and I just broke it.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "my friend sent me a pic of her cuts and said it's deeper this time",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "I've been self harming daily, mostly my legs so no one sees.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "bruises all over from hitting myself with a hairbrush",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "My autistic son is biting his hands until they bleed and it's getting worse.",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    Exemplar(
        "i cut myslef agen n it wont close up",
        "risk_to_life",
        "self-harm act or urge",
        "NICE NG225",
    ),
    # risk_to_life: overdose or poisoning
    Exemplar(
        "I've taken a whole packet of paracetamol about an hour ago.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Just swallowed all my sertraline with a bottle of wine.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "took my citalopram, the full box", "risk_to_life", "overdose or poisoning", "NICE NG225"
    ),
    Exemplar(
        "I've taken a load of amitriptyline and my heart's racing.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Took my nan's co-codamol, feeling sick and sleepy.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "swallowed a strip of pregabalin with vodka",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I've had loads of diazepam and I can't keep my eyes open.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I've injected far more insulin than I should have, on purpose.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "My son has drunk antifreeze from the garage, he told me just now.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I drank some bleach. My throat is burning.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Overdosed earlier, now I'm vomiting and my ears are ringing.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "I'm taking them one by one as I type this.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "My flatmate's taken something and won't say what, she's really drowsy.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "i od'd an hour ago, dont call anyone",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Took everything in my medicine cupboard.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Had double my lithium on purpose.", "risk_to_life", "overdose or poisoning", "NICE NG225"
    ),
    Exemplar(
        "Taken a handful of painkillers, not sure which ones, with cider.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "i took a lot of tablets this afternoon and now my stomach hurts really bad",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Yesterday I took an overdose and didn't tell anyone, now I look yellow and my side hurts.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "My mum has taken her whole week's dosette box at once.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Took some of my dad's heart pills to see what would happen.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Just necked 2 packs of paracetamol", "risk_to_life", "overdose or poisoning", "NICE NG225"
    ),
    Exemplar(
        "I've started swallowing the pills I saved. Half done.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "Mate's just messaged that she's downed her antidepressants and is going to sleep now.",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    Exemplar(
        "tuk a load of pills wiv drink, feel wierd",
        "risk_to_life",
        "overdose or poisoning",
        "NICE NG225",
    ),
    # risk_to_life: command hallucination or dangerous delusion
    Exemplar(
        "The voices are telling me to hurt myself.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "A voice keeps saying I have to jump off the roof.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "They're telling me to drink the bleach to clean myself inside.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "The voice says to hurt my neighbour because he's spying on me.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "There's something planted in my arm and I need to cut it out.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "My brother believes there's a chip in his head and says he'll dig it out.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "voices say kill urself over and over",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "God told me I have to sacrifice myself tonight.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "My husband says the voices are ordering him to punish the children.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "I hear a man telling me to stab whoever comes to the door.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "The devil is inside me and the only way out is through fire.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "my son thinks I'm an impostor and says he needs to get rid of me",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "They say I've got to walk into the road to prove I'm real.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "The commands are louder today, I don't know how long I can ignore them.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "She's convinced her food is poisoned and hears voices saying to hurt herself.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    Exemplar(
        "the voices want me to hurt the nurse on the ward",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG10",
    ),
    Exemplar(
        "My sister believes her baby is evil and says a voice told her to get rid of it.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Messages on the telly say I have to stop my own heart.",
        "risk_to_life",
        "command hallucination or dangerous delusion",
        "NICE NG225",
    ),
    # risk_to_life: harm to others
    Exemplar(
        "I'm going to kill my ex when I see him.", "risk_to_life", "harm to others", "NICE NG10"
    ),
    Exemplar(
        "If my neighbour parks there again I'll stab him.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I've got a knife in my bag for the staff at the front desk.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I keep having thoughts of smothering my baby and I'm terrified.",
        "risk_to_life",
        "harm to others",
        "NHS England safeguarding",
    ),
    Exemplar(
        "When I bath my newborn I picture holding her under and it horrifies me.",
        "risk_to_life",
        "harm to others",
        "NHS England safeguarding",
    ),
    Exemplar(
        "My son has threatened to burn the house down with us in it.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I'll hurt him the way he hurt me, I know where he lives.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "When I get out I'm going to batter her.", "risk_to_life", "harm to others", "NICE NG10"
    ),
    Exemplar(
        "my dad said he'd kill mum and then himself", "risk_to_life", "harm to others", "NICE NG10"
    ),
    Exemplar(
        "I'm so angry I could really hurt the kids right now, please help.",
        "risk_to_life",
        "harm to others",
        "NHS England safeguarding",
    ),
    Exemplar(
        "He's got a machete under the bed and says it's for the lads who jumped him.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "Going to go up to the school and make them pay.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I want to make the doctor who sectioned me suffer.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "my brother's been talking about shooting people at his work",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I shook the baby earlier because he wouldn't stop crying and now he's really floppy.",
        "risk_to_life",
        "harm to others",
        "NSPCC physical",
    ),
    Exemplar(
        "I'm scared I'll lose it and hit my wife again.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "A man I support says he's planning to hurt his landlord this weekend.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "someone's gonna get hurt tonight and it'll be him",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "I keep imagining pushing people onto the tracks and I'm frightened I might.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "Dad's been drinking and waving a knife around in the kitchen.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "i swear ill put him in hospital if he comes near me again",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    Exemplar(
        "My teenage son punched his sister and says next time he'll use a bat.",
        "risk_to_life",
        "harm to others",
        "NICE NG10",
    ),
    # risk_to_life: imminent report by another person
    Exemplar(
        "My sister sent me a goodbye text and now her phone's off.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My friend says she's on the bridge right now.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Dad left a note and took the car, we can't find him.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My son's locked himself in the bathroom and isn't answering.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "my bf just said he's taking pills and now he won't answer",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "A mate posted 'goodbye world' on his story an hour ago and nobody can reach him.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My partner walked out saying she's going to the railway and not to follow her.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My flatmate said goodbye to me in a weird way and went up to the roof.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Our neighbour shouted that he's ending it tonight and slammed his door.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Mum rang crying saying sorry for everything and hung up, she's not picking up.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My brother messaged a photo of tablets and 'sorry' then went offline.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Friend just left the pub saying she'd walk into the sea, she's drunk.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "He sent all of us his bank details and said goodbye. Can't get hold of him.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My wife's car is at the beauty spot by the cliffs but she isn't in it.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "I'm at my friend's flat, he's cut himself badly and there's a lot of blood.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "My daughter's texted 'i love you, bye' and her location's at the station.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "Housemate's been in his room all day, the door's blocked and there's no sound.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    Exemplar(
        "One of my service users said goodbye this morning and hasn't been seen since.",
        "risk_to_life",
        "imminent report by another person",
        "Samaritans",
    ),
    # safeguarding: child sexual abuse
    Exemplar(
        "my uncle plays a secret game with me and says i cant tell mum",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he touches me where my swimming costume goes",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "mums boyfriend gets in the bath with me and I dont like it",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he makes me watch videos of grown ups with no clothes on",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my step dad comes in my room at nite and i pretend to be asleep",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "he said if i tell anyone ill get taken away from mum",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my cousin does stuff to me that hurts and says its normal",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "A 9 year old in my class told me her stepdad touches her private parts.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My daughter said the babysitter makes her keep secrets about bath time.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My little boy told me a man at football showed him his private parts.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "the man next door gives me sweets if i sit on his lap and he touches me",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "I'm a childminder and a girl I look after said her dad does rude things at night.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "my brother is older and makes me do things i dont want in his room",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "Grandad says its our special secret and gives me money after",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My niece told me someone at church touches her and she's scared.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "i dont want to go to my dads at weekend coz of what he does",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "He takes photos of me with nothing on and says they're just for him.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My 14 year old is sleeping with a 25 year old man she met at the park.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC CSE",
    ),
    Exemplar(
        "my mum's friend kisses me on the mouth and says not to tell",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    Exemplar(
        "My son's coach messages him late at night and asks him to come over alone.",
        "safeguarding",
        "child sexual abuse",
        "NSPCC sexual",
    ),
    # safeguarding: child neglect
    Exemplar(
        "There's no food in the house and I'm hungry.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "our heating's been off for weeks and my little sister is always cold",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "mum leaves me and my brother on our own all weekend",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "Nobody came to get me from school again, I'm still waiting.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "I look after my mum and I haven't been to school for two weeks.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My mum can't get out of bed so I do everything for my brothers.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "i've had toothache for months and nobody takes me to the dentist",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "I'm locked out and mum's not answering, it's dark.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "The kids next door are always in the same dirty clothes and look thin.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "A child in my class comes in without a coat in winter and eats from the bin.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "The baby upstairs cries for hours and I never hear anyone go to it.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My nephew's eczema is cracked and bleeding and his parents won't get it seen.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "we only eat when school gives us dinner", "safeguarding", "child neglect", "NSPCC neglect"
    ),
    Exemplar(
        "There's dog mess all over the floor where the kids sleep.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My friend's mum drinks all day and my friend has to make tea for the little ones.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "I'm 10 and I've been staying home to look after the baby.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "Dad's been in bed for days and there's no money for the meter.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "The toddler two doors down was wandering in the road on his own in his nappy.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "My granddaughter's arm was broken last week and they never took her to A&E.",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    Exemplar(
        "mum forgets to give me my inhaler and I can't breathe properly at night",
        "safeguarding",
        "child neglect",
        "NSPCC neglect",
    ),
    # safeguarding: online grooming
    Exemplar(
        "someone i met on a game keeps asking for pics of me",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "a man online says he's 15 but he's sending me money and gifts",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "he bought me a new phone and said don't tell my parents about it",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "He wants me to talk on a secret app that deletes messages.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "This guy from Snapchat wants to meet me in town on Saturday and I'm 13.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "i sent a picture and now hes saying hell share it unless i send more",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "Someone's threatening to send my nudes to my followers unless I pay.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "My son (14) is being blackmailed over photos by someone he met online.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "my daughter is talking to a grown man on discord who tells her he loves her",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "An older boy online says I'm mature for my age and wants to video call with my door shut.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "He told me to delete our chats every night so my mum won't find them.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "Found gift cards in my 12 year old's room from someone she's 'friends with' online.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "the guy i game with keeps asking me to turn my camera on in my pyjamas",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "someone online asked what colour my underwear is and i'm 11",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "A pupil says an adult she met on TikTok has arranged to pick her up after school.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "he sends me robux and says i owe him now",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    Exemplar(
        "My stepdaughter's been sneaking out to meet a man she met on Instagram.",
        "safeguarding",
        "online grooming",
        "NSPCC online",
    ),
    # safeguarding: child criminal exploitation
    Exemplar(
        "Older lads give me packages to take to other towns on the train.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "I've had to hide stuff inside my body when I travel for them.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "They said I owe them for the stuff that got taken and now I have to work it off.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "My son keeps going missing for days and comes back with new trainers and cash.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "I've been staying in a flat in another town selling for them.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "they make me get other kids at school to run for them",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "Some men have moved into my brother's flat and he can't get them out.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "My nan's flat has been taken over by dealers, they use it while she stays in the bedroom.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "i got robbed of the gear and i think they set it up so im in debt",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "Our 14 year old has two phones and they ring all night.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "A boy in Year 9 has unexplained injuries and talks about 'going country'.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "i cant stop running for them they know where my family lives",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "they made me hold a knife for them and threatened my sister",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "My nephew was found by police 80 miles from home with drugs on him.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "Lads put money through my bank account and now I owe them.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "The people I work for said if I stop they'll hurt me.",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    Exemplar(
        "my vulnerable neighbour has loads of young people in and out of his flat at all hours",
        "safeguarding",
        "child criminal exploitation",
        "Home Office CCE",
    ),
    # safeguarding: modern slavery
    Exemplar(
        "My boss has my passport and won't give it back.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "They keep all my wages for rent and food, I never see money.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I can't leave the house where I work, the doors are locked.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I was brought here for a job but now they say I owe them thousands.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "we sleep 10 in a room above the car wash and are not allowed out",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "My cousin works at the nail bar and they took her ID and phone.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "The man who brought me here says he'll hurt my family back home if I leave.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "One of our inpatients says he's worked on a farm for no pay for a year.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I clean houses 14 hours a day and they keep my money for my debt.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "Im forced to work and they watch me all the time",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "Someone drives us to the factory each day and takes our bank cards.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "My friend was promised a waitress job but they're making her sell sex.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "I don't know what town I'm in, they move us every few weeks.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "The family I live with make me do all the housework and don't let me go to school.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "Our neighbours have a man living in their shed who works for them all day and "
        "looks scared.",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    Exemplar(
        "the gangmaster holds our papers and takes money from our pay for everything",
        "safeguarding",
        "modern slavery",
        "MSA 2015",
    ),
    # safeguarding: domestic abuse and coercive control
    Exemplar(
        "My partner hit me again last night and I'm scared to go home.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "He put his hands round my neck until I nearly passed out.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My wife threatens to kill me if I leave and I'm a man so no one believes me.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My partner says if I leave he'll kill me and the kids.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My daughter's boyfriend pushed her down the stairs and she's covering for him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "I can hear the woman next door screaming and things being thrown most nights.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "He controls all the money and gives me £20 a week for everything.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My husband checks my phone every night and reads all my messages.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He decides what I eat and weighs me every morning.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "I'm not allowed to wear what I want, he picks my clothes.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He's stopped me seeing my friends and family over the past year.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "She tracks my location on my phone and goes mad if I'm late.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He locks me in the flat when he goes to work.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My partner hides my medication so I get ill and need him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He says he'll tell social services I'm a bad mum if I don't do what he says.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "he put an app on my phone, he knows everywhere i go",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "I'm walking on eggshells all the time, one wrong word and he kicks off.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My partner won't let me go to my appointments without him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "He's taken my car keys and bank card so I can't go anywhere.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "my gf screams at me and smashes my stuff, and as a bloke I'm too embarrassed to say",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My family are taking me abroad in the summer to marry someone I've never met.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My brothers say I've brought shame on them and they'll deal with me.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "I'm 16 and my parents have arranged my wedding, I don't want it.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My uncle said they'll kill me for dishonouring the family if I keep seeing my boyfriend.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "My son shouts at me and has taken over my house, I'm frightened of him.",
        "safeguarding",
        "domestic abuse and coercive control",
        "Care Act domestic",
    ),
    Exemplar(
        "He made me sleep in the car as a punishment.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "She tells me I'm mad and no one will believe me and I'm starting to believe her.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    Exemplar(
        "My sister's husband won't let her learn English or leave the house alone.",
        "safeguarding",
        "domestic abuse and coercive control",
        "SCA 2015 s76",
    ),
    # safeguarding: adult sexual abuse or assault
    Exemplar(
        "I was raped at a party on Saturday and I haven't told anyone.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I think my drink was spiked last night, I woke up somewhere with no memory and sore.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My manager says I'll lose my job if I don't sleep with him.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My carer touches me when he's washing me and it's not right.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "On the ward a patient came into my room at night and got into my bed.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "Mum told me a staff member at her care home has been touching her breasts.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My husband forces sex on me when I say no.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "A man grabbed me on the way home and did things to me, I don't know what to do.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My sister has a learning disability and says a man at her day centre makes her "
        "do sexual things.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "he wouldnt stop when i said no and now i cant stop shaking",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My landlord says I can pay the rent 'another way'.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "Someone shared a video of me having sex without my consent.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "a taxi driver touched me and wouldnt let me out of the car",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "A woman on our ward says another patient has been sexually assaulting her.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I was sexually assaulted by a man I met on a dating app last week.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "My dad's carer has been showing him porn and asking him to touch her.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "my boyfriend pressures me into stuff I don't want and says it's what girlfriends do",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    Exemplar(
        "I'm a man and I was assaulted by another man, I feel ashamed to say it.",
        "safeguarding",
        "adult sexual abuse or assault",
        "Care Act sexual",
    ),
    # safeguarding: financial abuse
    Exemplar(
        "My nephew has my bank card and PIN and my account is empty.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My daughter has taken out loans in my name without asking.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My dad's new 'friend' got him to change his will last month.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My son collects my pension and I never see any of it.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "The carer keeps asking my mum to lend her money and she can't say no.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My brother's taken over Mum's benefits and she's got nothing left for food.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "A man from the church has been getting my gran to sign things.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "i think my partner is spending my universal credit on drink and theres nothing "
        "for the kids",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My neighbour's grandson uses his cards to go shopping and he's left with nothing.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "Someone rang my aunt pretending to be the bank and she's given them thousands.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "The man with power of attorney for my mum is spending her money on himself.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "They made me sign over my flat and I didn't understand it.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My husband opened credit cards in my name I didn't know about.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My daughter won't let me have my own money, she keeps my purse.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "The staff at the home are keeping his spending money and he never gets any.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "my mates keep borrowing money off me and never pay it back, i have learning disabilities",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    Exemplar(
        "My gran's been sending all her savings to an online boyfriend she's never met.",
        "safeguarding",
        "financial abuse",
        "Care Act financial",
    ),
    # safeguarding: carer or organisational abuse or neglect
    Exemplar(
        "The carers shout at my dad and call him names.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act psychological",
    ),
    Exemplar(
        "My mum had bruises on her arms after the carers moved her roughly.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "They leave him in wet pads all night at the care home.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "My nan's got pressure sores that nobody told us about.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The staff lock residents in their rooms at night.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "On the unit they take everyone's phones and won't let us call family.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "My brother's been losing weight at the home, they don't help him eat.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The carer doesn't give mum her tablets, they're still in the blister packs.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "They put my son in a room on his own for hours as punishment.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "A nurse slapped a patient on the ward today.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "the agency carer only stays five minutes and mums left in bed all day",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "My dad's hearing aid and glasses keep going missing and they don't care.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "They won't let my mum have a drink in the evening so she doesn't wet the bed.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "My aunt's home has too few staff and residents wait hours for the toilet.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "The night staff mock the residents and film them on their phones.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act psychological",
    ),
    Exemplar(
        "The care worker is rough when she dresses me and it hurts.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "My son in supported living is being restrained by staff, he's got marks on his wrists.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act physical",
    ),
    Exemplar(
        "I'm a support worker and my manager tells us to sedate residents to keep them quiet.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "Mum's been sitting in the same clothes for three days at the home.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The home keeps my dad in his chair all day with the table locked in front of him.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    Exemplar(
        "My wife with dementia is being left in her room with no heating.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act neglect",
    ),
    Exemplar(
        "The staff eat the residents' meals and give them smaller portions.",
        "safeguarding",
        "carer or organisational abuse or neglect",
        "Care Act organisational",
    ),
    # safeguarding: self-neglect
    Exemplar(
        "My neighbour hasn't been out in weeks and his house smells awful.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My dad's stopped eating and washing and won't let anyone in.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My brother won't take his insulin and keeps ending up in hospital.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "The house is full to the ceiling with rubbish and my mum lives in one corner.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "I haven't eaten properly for days and I can't face washing.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "Uncle's leg is ulcerated and he refuses to see anyone about it.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "She's living without electricity and won't let the council in.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My gran's fridge is full of mouldy food and she's got thinner.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "He's on the floor most days and won't let the carers help.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "The old man at number 42 has no heating and he's wearing his coat in bed.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "i've stopped taking my meds and the flat is a state, i dont care anymore",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My sister's drinking all day and isn't eating, she's gone yellow.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "He's not opened his post in months and they're going to cut off his water.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My tenant's flat is infested with mice and he says he's fine.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "My mum with psychosis hasn't left her bedroom or eaten properly for a week.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    Exemplar(
        "There are flies everywhere and he's not changed his clothes in weeks.",
        "safeguarding",
        "self-neglect",
        "Care Act self-neglect",
    ),
    # ordinary: strong-worded praise
    Exemplar(
        "The crisis team saved my life last year, thank you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "I wouldn't be here without you, and I'm doing so well now.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar("You lot are lifesavers, honestly.", "ordinary", "strong-worded praise", "NHS FFT"),
    Exemplar(
        "The home treatment team got me through the worst time of my life.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Best care I've ever had, the nurse was amazing.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "I owe my life to the staff on Willow Ward.", "ordinary", "strong-worded praise", "NHS FFT"
    ),
    Exemplar(
        "Sam on the night line was a star, really listened.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Thank you for not giving up on me back then.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar("The safe haven café is a godsend.", "ordinary", "strong-worded praise", "NHS FFT"),
    Exemplar(
        "You brought me back from the brink two years ago and I'll never forget it.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Incredible team, they went above and beyond for my son.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Can't thank the crisis line enough, it made all the difference.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "My mum says the team were angels when she was poorly.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Five stars, the nurse was kind and patient.", "ordinary", "strong-worded praise", "NHS FFT"
    ),
    Exemplar(
        "Honestly the best thing that happened to me was getting referred to you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "You gave me hope when I had none, and I'm so grateful.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar("Absolute heroes, every one of you.", "ordinary", "strong-worded praise", "NHS FFT"),
    Exemplar(
        "The psychiatrist was brilliant and explained everything.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Thank you for picking up at 3am that night, it turned things around.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Very good service, would recommend to friends and family.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The team helped me back on my feet, I'm working again.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "the peer support worker was amazing, she really gets it",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Thank you to everyone at the crisis house, it felt like a home.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "I was at rock bottom when I came in and you lifted me up. Forever thankful.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Wonderful staff, nothing was too much trouble.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Without the team I'd not have made it through that winter. I'm well now.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The OT helped me find my confidence again.", "ordinary", "strong-worded praise", "NHS FFT"
    ),
    Exemplar(
        "Big thanks to the duty worker who called back so quickly.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "Such a kind receptionist, made me feel welcome.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "The crisis café kept me sane during lockdown.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "They literally kept me alive in 2021 and now I volunteer with them.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "My dad would've been lost without your support, thank you.",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    Exemplar(
        "ur team r legends, proper saved me when i was in a state last year x",
        "ordinary",
        "strong-worded praise",
        "NHS FFT",
    ),
    # ordinary: complaint without current risk
    Exemplar(
        "Waited four hours in A&E to see the mental health liaison team.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Nobody called me back when they said they would.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The receptionist was rude and dismissive.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The food on the ward was cold and tasteless.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Parking at the hospital is a nightmare and costs a fortune.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "I was discharged without anyone telling my GP.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The pharmacy gave me the wrong strength of my tablets. Sorted now, but not good enough.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "My prescription was late again and I had to chase it for days.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Three different care coordinators in a year, I have to repeat my story every time.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The waiting list for therapy is 18 months, it's ridiculous.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The phone line kept cutting out and I gave up.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The doctor didn't listen and rushed me out in five minutes.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The ward was noisy and I couldn't sleep at all.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "My letter had someone else's name on it.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Staff were on their phones instead of talking to patients.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Discharged too early in my opinion, though I'm coping fine.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "They changed my meds without explaining the side effects.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "No disabled parking spaces near the entrance.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The building is freezing and the chairs are falling apart.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "I had to explain my history three times in one day.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The app keeps crashing when I try to book.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "My appointment was cancelled on the day with no reason.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Sick of being passed from pillar to post between services.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The nurse handed me someone else's tablets but noticed before I took them. "
        "Please sort your checks.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The leaflet was full of jargon I couldn't understand.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Not impressed with the attitude of the security guard.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The toilets on the ward were filthy.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "I asked for a female worker and got a male one again.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Interpreter didn't turn up so the appointment was wasted.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The vending machine ate my money and nobody cared lol.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Why does it take six weeks to get a copy of my care plan?",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The hold music is awful and I was on hold for 40 minutes.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The psychiatrist was late and didn't apologise.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Visiting hours are too short for working families.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "The discharge letter listed my medication wrong, my GP fixed it.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "Rubbish signage, I got lost trying to find the clinic.",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    Exemplar(
        "wasnt happy wiv how long the ambulance took for my mum's fall last month",
        "ordinary",
        "complaint without current risk",
        "NHS FFT",
    ),
    # ordinary: harmless idiom
    Exemplar("I'm dying for a cuppa after that meeting.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("Just killing time in the waiting room.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("The wait was killing me but it was worth it.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("I'm dead on my feet after a double shift.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Shoot me an email with the new appointment time.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I could murder a biscuit right now.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Some bloke tried to jump the queue at reception.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("My boss has cut my hours so I'm a bit skint.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "There was an overdose of forms to fill in at the first appointment.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The peer worker really helped bridge the gap until therapy started.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I was hanging around outside for ages before anyone let me in.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I'm fed up to the back teeth with the bus service.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "My feet are killing me after the walk from the car park.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "That comedian was so funny I nearly died laughing.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "I'll die of embarrassment if my mum reads my notes.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("This heat is murder.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "My phone's dead, can you text my wife instead?", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "I'm going to kill my brother, he ate my leftovers again haha.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The traffic was so bad I nearly lost the will to live.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "My sister would kill me if I missed her birthday.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "The cake at the coffee morning was to die for.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "That new nurse is a lifesaver with the paperwork.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I'm drowning in laundry this week.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("Knock 'em dead at your interview!", "ordinary", "harmless idiom", "idiom"),
    Exemplar("My knee is giving me hell on the stairs.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "We were dying of thirst by the time the tea trolley came.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I'm going to cut the grass later if it stays dry.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "My heart sank when I saw the queue, but it moved fast.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "Could've killed for a bacon roll on the ward.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("The pharmacist was dead helpful.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("I'm shattered, going to crash early tonight.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Hang on a sec, I'm just finding my NHS number.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I was over the moon with my new flat.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("That film was a real killer, we loved it.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("I'm at the end of my rope with this printer.", "ordinary", "harmless idiom", "idiom"),
    Exemplar("The deadline at work is doing my head in.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Our cat is going to be the death of me, she's learnt to open doors.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar("I bombed my driving test, back to lessons.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Cutting it fine, I got to my appointment with a minute to spare.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "I took a shot at the crossword in the waiting room.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar(
        "My gran says I'm giving her a heart attack when I don't ring.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The kids are bouncing off the walls since the holidays started.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar("I'm sick to death of the rain.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Finally buried the hatchet with my brother, we're talking again.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar("I'm hanging after my mate's wedding lol", "ordinary", "harmless idiom", "idiom"),
    Exemplar("That pub quiz question killed me, who knew.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "I nearly jumped out of my skin when the fire alarm went off.",
        "ordinary",
        "harmless idiom",
        "idiom",
    ),
    Exemplar(
        "The new bus route is a real pain in the neck.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("We'll cross that bridge when we come to it.", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "Time to bite the bullet and book the dentist.", "ordinary", "harmless idiom", "idiom"
    ),
    Exemplar("I'm absolutely starving, is the café open?", "ordinary", "harmless idiom", "idiom"),
    Exemplar(
        "my phone's on 2% and about to die, will ring u back", "ordinary", "harmless idiom", "idiom"
    ),
    # ordinary: past crisis now well
    Exemplar(
        "Two years ago I tried to take my life. Today I'm at university and happy.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I used to self-harm as a teen but I haven't for over five years.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Back in 2019 I was suicidal, but I'm in a really good place now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I overdosed years ago. These days I run a peer group.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I've been well for ages, just checking my discharge paperwork.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "When I was first referred I didn't want to live. That feels like another life now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My scars have faded and so has the pain. Thank you for being there then.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Last winter was dark but I'm getting out, walking and sleeping well.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I haven't had any thoughts of harming myself since starting therapy last year.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I was sectioned in 2020 and now I'm back at work full time.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm three years free from self-harm this month and proud of it.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Once I thought there was no way out, now I'm planning my wedding.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I was in a bad way after my divorce but I'm much better now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Used to hear commands to harm myself, none since the new meds, years now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My crisis plan is still on the fridge but I haven't needed it in ages.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "The worst is long behind me, I'm just writing to say I'm OK.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm no longer suicidal and my mood has been stable for months.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I tried to end things at 17. I'm 30 now and I've got a family.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My relapse was last spring, I'm back on track and feeling positive.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "A stranger talked me down from a bridge ten years ago and now I train volunteers.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "No urges to cut for a long time now, the DBT skills really work.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm safe and well, please close my referral.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I don't feel like a burden anymore, I feel useful again.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Eighteen months on from my overdose I've got a new job and a dog.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I was in a dark place when I called last year, I'm doing fine now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "My eating disorder nearly killed me, but I'm recovered and studying nursing.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "Just an update that my son is doing well since his crisis in March.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "That hospital stay was the turning point, I'm well and happy now.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I feel hopeful for the first time in years.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    Exemplar(
        "I'm stable on my meds, sleeping well and seeing friends.",
        "ordinary",
        "past crisis now well",
        "C-SSRS timeframe",
    ),
    # ordinary: carer feedback without current concern
    Exemplar(
        "As a carer I felt listened to at my husband's review.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Mum's settled in well at home and the team kept us informed.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "It would help carers if we got a copy of the care plan.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The carers' support group has been brilliant for me.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My son's doing well, thank you for including me in his care.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Could carers get evening appointments? I work days.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I'm my wife's carer and the respite week gave me a real break.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My daughter's key worker is lovely and calls me every week.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Dad is back to his old self and we're so grateful.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The carer's assessment was quick and useful.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "As a parent I'd like more information about medication side effects.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My brother is much calmer since he started at the day service.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Thanks for the carer's card, the discount at the café is a nice touch.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The family meeting was helpful, everyone understood the plan.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "As a young carer I liked the activity day, it was fun.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Would be good if the team could text carers before visits.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Caring for Mum is going well at the moment.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "My partner's mental health has been stable and we're enjoying life.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "The carers' leaflet was clear and the helpline number is on the fridge.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "We felt involved in the discharge planning, thank you.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "Grandad is eating well and enjoying his lunch club again.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    Exemplar(
        "I'm a foster carer and the CAMHS worker has been supportive with our young person.",
        "ordinary",
        "carer feedback without current concern",
        "NHS FFT",
    ),
    # ordinary: news, TV or training
    Exemplar(
        "Watched a documentary about suicide prevention, really moving.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Our workplace did suicide awareness training today, very useful.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I've signed up for a free online course on talking about suicide.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The soap storyline about self-harm was handled sensitively I thought.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Read a news article on rising rates of self-harm in teenagers.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Completed my level 3 safeguarding training this week.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "We're holding a stall for World Suicide Prevention Day, can you send leaflets?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Is there a poster about spotting signs of domestic abuse for our staffroom?",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "My school is doing a talk on online safety and grooming for parents.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "The podcast about men's mental health was great.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm writing an essay on county lines for my criminology degree.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Our church is running a session on modern slavery awareness.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Saw the news about the care home inspection, hope they fix it.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "A film we watched at college was about coercive control, it opened my eyes.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Could you recommend books on supporting someone who self-harms?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The Samaritans talk at our football club was excellent.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The crime drama last night had a poisoning storyline, bit far-fetched.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm a teacher planning a PSHE lesson on healthy relationships.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "We did a mental health first aid course at work, it was brilliant.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The radio phone-in about grief and loss was comforting to listen to.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Our book club read a novel where the main character overdoses, good discussion.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "Is there training for volunteers on how to ask about suicide directly?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm organising a charity walk to raise money for suicide prevention.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "The news report on forced marriage was shocking, glad there's help out there.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Our nursery staff had a training day on neglect and early help.",
        "ordinary",
        "news, TV or training",
        "NHS England safeguarding",
    ),
    Exemplar(
        "Watched a true crime show about a poisoner, so gripping I stayed up late.",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    Exemplar(
        "I'm a journalist, where can I find the guidelines for reporting suicide?",
        "ordinary",
        "news, TV or training",
        "Samaritans media",
    ),
    # ordinary: practical or admin
    Exemplar(
        "Can I change my appointment from Tuesday to Thursday?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("What's the address of the crisis café?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I've moved house, please update my address.", "ordinary", "practical or admin", "admin"
    ),
    Exemplar("Is there step-free access at the clinic?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "My repeat prescription needs signing off, who do I ask?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Could I have my letters in large print please?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "Do I need to bring anything to my first assessment?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Please send the appointment letter to my email instead of post.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "What time does the safe haven open on Sundays?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar("Can my sister come with me to my review?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I need a fit note for work, can the team do that?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("My new number is 07700 900123.", "ordinary", "practical or admin", "admin"),
    Exemplar("How do I request a copy of my records?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "Is there somewhere to charge my phone in the waiting room?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Can you arrange a Polish interpreter for next week?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("Will there be parking at the new site?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I'd like to give feedback, where's the form?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "Can I self-refer to the talking therapies service?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("Is the clinic open on the bank holiday?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "Please cancel Friday's appointment, I've got a job interview.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I won't need the transport booking next week, my son is driving me.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Could you post me the leaflet about sleep hygiene?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "I've lost my crisis plan, can you email a copy?", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "What's the difference between the crisis line and 111 option 2?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar("Do you validate car park tickets?", "ordinary", "practical or admin", "admin"),
    Exemplar(
        "I need to rearrange because of childcare.", "ordinary", "practical or admin", "admin"
    ),
    Exemplar(
        "Can I bring my assistance dog to the ward visit?",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Please pass my thanks and this card to the night team.",
        "ordinary",
        "practical or admin",
        "admin",
    ),
    Exemplar(
        "Which bus stops nearest to the community hub?", "ordinary", "practical or admin", "admin"
    ),
    # ordinary: small talk
    Exemplar("Lovely weather today, isn't it?", "ordinary", "small talk", "small talk"),
    Exemplar("Hope you all have a nice weekend.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Just got back from my holiday in Cornwall, feeling refreshed.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("Happy Christmas to the whole team!", "ordinary", "small talk", "small talk"),
    Exemplar("My daughter passed her driving test today!", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Had a lovely walk by the canal this morning.", "ordinary", "small talk", "small talk"
    ),
    Exemplar("Anyone watch the football last night?", "ordinary", "small talk", "small talk"),
    Exemplar(
        "I made a lasagne for the first time, turned out great.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "The new puppy is chewing everything in sight.", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "Started a pottery class, my bowls are wonky but fun.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("hi hope ur ok", "ordinary", "small talk", "small talk"),
    Exemplar("Morning! Busy day ahead.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "I've taken up running, did my first 5k on Saturday.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar("The garden's finally blooming.", "ordinary", "small talk", "small talk"),
    Exemplar(
        "We're off camping this weekend, fingers crossed for sun.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "Happy new year everyone, all the best for the year ahead.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "Just baked scones for the group, hope there's enough.",
        "ordinary",
        "small talk",
        "small talk",
    ),
    Exemplar(
        "My grandson's visiting tomorrow, can't wait.", "ordinary", "small talk", "small talk"
    ),
    Exemplar("Thanks, have a good evening.", "ordinary", "small talk", "small talk"),
    Exemplar("lol the cat just fell off the sofa", "ordinary", "small talk", "small talk"),
    Exemplar(
        "I'm learning Spanish on an app, 30 days in a row.", "ordinary", "small talk", "small talk"
    ),
    Exemplar("Finished my jigsaw, 1000 pieces!", "ordinary", "small talk", "small talk"),
    Exemplar(
        "Lovely to see everyone at the coffee morning.", "ordinary", "small talk", "small talk"
    ),
    Exemplar(
        "Off to the allotment, the tomatoes need watering.", "ordinary", "small talk", "small talk"
    ),
)
